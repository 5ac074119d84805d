using System.Globalization;

using Verify.Matching.Storage;

namespace Verify.Matching.Benchmarks;

/// <summary>Command line: --records N, --per-category N, --seed S, --provider sqlite|postgres, --connection CONN, --reuse.</summary>
internal sealed record BenchmarkOptions(
    int Records, int PerCategory, int Seed, MatchingProvider Provider, string Connection, bool Reuse, string? DefaultFile)
{
    public static BenchmarkOptions Parse(string[] args)
    {
        int records = 1_000_000, perCategory = 1_000, seed = 20261130;
        var provider = MatchingProvider.Sqlite;
        string? connection = null;
        var reuse = false;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--records": records = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--per-category": perCategory = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--seed": seed = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--provider":
                    if (!MatchingDatabase.TryParseProvider(args[++i], out provider))
                    {
                        throw new ArgumentException("--provider is sqlite or postgres");
                    }

                    break;
                case "--connection": connection = args[++i]; break;
                case "--reuse": reuse = true; break;
                default: throw new ArgumentException($"Unknown argument '{args[i]}'.");
            }
        }

        if (records < 1_000 || perCategory < 1)
        {
            throw new ArgumentException("--records is at least 1000 and --per-category at least 1.");
        }

        // Without --connection: a SQLite file in the temp folder, named after the size and seed, replaced unless --reuse.
        string? defaultFile = null;
        if (connection is null)
        {
            defaultFile = provider == MatchingProvider.Sqlite
                ? Path.Combine(Path.GetTempPath(), $"verify-matching-bench-{records}-{seed}.db")
                : throw new ArgumentException("--provider postgres needs --connection.");
            connection = $"Data Source={defaultFile}";
        }

        return new BenchmarkOptions(records, perCategory, seed, provider, connection, reuse, defaultFile);
    }
}
