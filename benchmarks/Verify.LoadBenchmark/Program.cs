using Verify.LoadBenchmark;

// The hub's load benchmark (benchmarks/README.md): complete journeys over HTTP against `verify start` on PostgreSQL
// and Redis, with the hub's CPU time per journey read from /proc. benchmarks/run-load.sh starts the stores and runs it.
if (args.Contains("--help") || args.Contains("-h"))
{
    Console.WriteLine(LoadOptions.Usage);
    return 0;
}

LoadOptions options;
try
{
    options = LoadOptions.Parse(args);
}
catch (ArgumentException ex)
{
    Console.Error.WriteLine(ex.Message);
    Console.Error.WriteLine(LoadOptions.Usage);
    return 2;
}

var root = VerifyCli.RepoRoot();
var cli = new VerifyCli(options.VerifyDll ?? Path.Combine(root, "src", "Verify.Cli", "bin", "Release", "net10.0", "verify.dll"));
if (!File.Exists(cli.Dll))
{
    Console.Error.WriteLine($"{cli.Dll} not found: build it first (dotnet build src/Verify.Cli -c Release), or pass --verify-dll.");
    return 2;
}

await ProcessCpu.InitialiseAsync();
var log = Console.Error;
var folder = Directory.CreateTempSubdirectory("verify-load-").FullName;
BenchFederation? federation = null;
PartyHosts? parties = null;
HubProcess? hub = null;
try
{
    log.WriteLine($"Setting up in {folder}: keys, database, verify db migrate, verify federation import ({options.RelyingParties} RPs, 1 IDP)...");
    var setup = System.Diagnostics.Stopwatch.StartNew();
    federation = await BenchFederation.CreateAsync(options, cli, folder);
    log.WriteLine($"  federation ready in {setup.Elapsed.TotalSeconds:0} s; starting the stub IDP, the RPs and the hub...");
    parties = await PartyHosts.StartAsync(federation);
    hub = new HubProcess(cli, federation.ConfigFile, Path.Combine(folder, "hub.log"), options.HubEnvironment);
    if (!await hub.WaitReadyAsync(federation.HubUrl, federation.Tls, options.HubTls ? null : federation.HubUrl.Host))
    {
        log.WriteLine("The hub never became ready:\n" + hub.Tail());
        return 1;
    }

    var info = await RunInfo.CollectAsync(cli, root, federation, options);
    Report.Configuration(Console.Out, options, info, federation, hub.ProcessId);
    log.WriteLine($"Running {options.Clients} virtual citizens...");
    var result = await new LoadRun(options, federation, hub, log).RunAsync();
    var audit = await StoreFacts.AuditEventsAsync(federation.Connection);
    var keys = await StoreFacts.RedisKeysAsync(options.Redis, "verify:replay:", "verify:journey:", "verify:rate:");
    // The console logger's simple ("warn: …") or JSON ("LogLevel":"Warning") lines.
    var warnings = hub.CountLines("warn:", "fail:", "crit:", "\"LogLevel\":\"Warning\"", "\"LogLevel\":\"Error\"", "\"LogLevel\":\"Critical\"");
    Report.Results(Console.Out, result, audit, keys, ProcessCpu.ResidentMegabytes(hub.ProcessId), ProcessCpu.Threads(hub.ProcessId), warnings);
    return result.Failed == 0 && !result.HubExited ? 0 : 1;
}
finally
{
    hub?.Dispose();
    if (parties is not null)
    {
        await parties.DisposeAsync();
    }

    if (options.Keep)
    {
        log.WriteLine($"Kept {folder} (hub.json, keys, hub.log) and database {federation?.Database}.");
    }
    else
    {
        if (federation is not null)
        {
            await federation.DropDatabaseAsync(options.Postgres);
        }

        Directory.Delete(folder, recursive: true);
    }
}
