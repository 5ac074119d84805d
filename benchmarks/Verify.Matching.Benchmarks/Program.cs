using System.Diagnostics;

using Verify.Matching.Benchmarks;
using Verify.Matching.Engine;
using Verify.Matching.Storage;

// Accuracy and latency of the reference matching engine over a synthetic population (README.md).
// dotnet run -c Release --project benchmarks/Verify.Matching.Benchmarks -- [--records N] [--per-category N] [--seed S]
//     [--provider sqlite|postgres] [--connection CONN] [--reuse]
var options = BenchmarkOptions.Parse(args);
var log = Console.Error;
var database = MatchingDatabase.Create(options.Provider, options.Connection);
var pools = NamePools.Load();
var population = new Population(pools, new AddressBook(pools, options.Seed, Math.Max(50, options.Records / 12)), options.Seed, options.Records);

if (options.DefaultFile is { } file && !options.Reuse)
{
    foreach (var path in new[] { file, file + "-wal", file + "-shm" }.Where(File.Exists))
    {
        File.Delete(path);
    }
}

var loadClock = Stopwatch.StartNew();
await database.MigrateAsync();
var existing = await BulkLoader.CountAsync(database);
if (existing == options.Records && options.Reuse)
{
    log.WriteLine($"Reusing the {existing:N0} records already loaded (--reuse; same --records and --seed assumed).");
}
else if (existing != 0)
{
    log.WriteLine($"The database already holds {existing:N0} records: point --connection at an empty database, or pass --reuse with the same --records and --seed.");
    return 2;
}
else
{
    log.WriteLine($"Loading {options.Records:N0} records ({options.Provider})...");
    await BulkLoader.LoadAsync(database, population, log);
}

var loadTime = loadClock.Elapsed;
log.WriteLine("Generating probes...");
var probes = new ProbeGenerator(population, options.Seed, options.PerCategory).Generate();
var engine = ReferenceMatchingEngine.Create(database, new MatchingOptions(), TimeProvider.System);
var runner = new AccuracyRunner(engine);
await runner.WarmUpAsync(probes, 500);
log.WriteLine($"Matching {probes.Count:N0} probes...");
await runner.RunAsync(probes, log);
Report.Print(Console.Out, options, runner, loadTime);
return 0;
