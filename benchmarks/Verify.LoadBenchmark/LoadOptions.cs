using System.Globalization;

namespace Verify.LoadBenchmark;

/// <summary>The command line (README.md): how much load, against which stores, with which hub build.</summary>
internal sealed record LoadOptions
{
    public const string Usage = """
        usage: Verify.LoadBenchmark --postgres CONN --redis HOST:PORT [options]
          --clients N          concurrent virtual citizens, each running journeys back to back (default 16)
          --warmup S           seconds of load before measuring, not counted (default 15)
          --warmup-journeys N  and at least N journeys, and until the hub's background re-JIT is under 5% of its
                               CPU, before measuring (default 300; the warm-up stops waiting after 180 s)
          --duration S         seconds measured (default 45)
          --journeys N         measure N journeys instead of a duration
          --rp-count N         relying parties the journeys are spread over (default 8; the hub allows 3000
                               AuthnRequests a minute per RP, so N RPs cap the run at N x 50 journeys/s)
          --hub-tls on|off     on: the hub terminates TLS itself (default); off: it listens in plain http behind
                               a (simulated) TLS-terminating proxy, hub.tls absent
          --hub-env NAME=VALUE an environment variable for the hub process (repeatable), e.g. DOTNET_gcServer=1
          --watch NAME=PID     also report the CPU time of PID and its children (repeatable; run-load.sh passes
                               postgres and redis)
          --profile            also sample the hub with Linux perf during the timed phase and print where its CPU
                               went (needs perf: apt-get install linux-perf; the hub then runs with
                               DOTNET_PerfMapEnabled=1 and DOTNET_EnableWriteXorExecute=0, so figures shift a little)
          --verify-dll PATH    the built CLI (default: src/Verify.Cli/bin/Release/net10.0/verify.dll)
          --keep               keep the work folder (keys, hub.json, hub.log) and the database
        """;

    public required string Postgres { get; init; }

    public required string Redis { get; init; }

    public int Clients { get; init; } = 16;

    public TimeSpan Warmup { get; init; } = TimeSpan.FromSeconds(15);

    public int WarmupJourneys { get; init; } = 300;

    public TimeSpan Duration { get; init; } = TimeSpan.FromSeconds(45);

    public int? Journeys { get; init; }

    public int RelyingParties { get; init; } = 8;

    public bool HubTls { get; init; } = true;

    public IReadOnlyList<KeyValuePair<string, string>> HubEnvironment { get; init; } = [];

    public IReadOnlyList<KeyValuePair<string, int>> Watch { get; init; } = [];

    public string? VerifyDll { get; init; }

    public bool Keep { get; init; }

    public bool Profile { get; init; }

    public static LoadOptions Parse(string[] args)
    {
        string? postgres = null, redis = null, verifyDll = null;
        int clients = 16, rps = 8, warmupJourneys = 300;
        int? journeys = null;
        double warmup = 15, duration = 45;
        bool hubTls = true, keep = false, profile = false;
        var environment = new List<KeyValuePair<string, string>>();
        var watch = new List<KeyValuePair<string, int>>();
        for (var i = 0; i < args.Length; i++)
        {
            string Value() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value.");
            switch (args[i])
            {
                case "--postgres": postgres = Value(); break;
                case "--redis": redis = Value(); break;
                case "--clients": clients = Positive(Value(), "--clients"); break;
                case "--warmup": warmup = double.Parse(Value(), CultureInfo.InvariantCulture); break;
                case "--warmup-journeys": warmupJourneys = int.Parse(Value(), NumberStyles.None, CultureInfo.InvariantCulture); break;
                case "--duration": duration = double.Parse(Value(), CultureInfo.InvariantCulture); break;
                case "--journeys": journeys = Positive(Value(), "--journeys"); break;
                case "--rp-count": rps = Positive(Value(), "--rp-count"); break;
                case "--hub-tls": hubTls = Value() switch { "on" => true, "off" => false, _ => throw new ArgumentException("--hub-tls is on or off.") }; break;
                case "--hub-env": environment.Add(Pair(Value(), "--hub-env")); break;
                case "--watch":
                    var (name, pid) = Pair(Value(), "--watch");
                    watch.Add(new(name, Positive(pid, "--watch")));
                    break;
                case "--verify-dll": verifyDll = Value(); break;
                case "--keep": keep = true; break;
                case "--profile": profile = true; break;
                default: throw new ArgumentException($"Unknown argument '{args[i]}'.");
            }
        }

        return new LoadOptions
        {
            Postgres = postgres ?? throw new ArgumentException("--postgres CONN is required (run-load.sh starts a private server)."),
            Redis = redis ?? throw new ArgumentException("--redis HOST:PORT is required (run-load.sh starts a private server)."),
            Clients = clients,
            Warmup = TimeSpan.FromSeconds(warmup),
            WarmupJourneys = warmupJourneys,
            Duration = TimeSpan.FromSeconds(duration),
            Journeys = journeys,
            RelyingParties = rps,
            HubTls = hubTls,
            HubEnvironment = profile ? [.. environment, .. PerfProfile.HubEnvironment] : environment,
            Watch = watch,
            VerifyDll = verifyDll,
            Keep = keep,
            Profile = profile,
        };
    }

    private static int Positive(string text, string name) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0 ? n : throw new ArgumentException($"{name} must be a positive integer.");

    private static KeyValuePair<string, string> Pair(string text, string name) =>
        text.IndexOf('=', StringComparison.Ordinal) is var at and > 0 ? new(text[..at], text[(at + 1)..]) : throw new ArgumentException($"{name} takes NAME=VALUE.");
}
