using System.Text.Json;

namespace Verify.LoadBenchmark;

/// <summary>The machine and the build under test, for the report's configuration section.</summary>
internal sealed record RunInfo(string Cpu, int Cores, string LoadAverage, string Runtime, string HubVersion, string Commit, string HubGc, string Postgres, string Redis)
{
    /// <summary>One RSA-2048 signature by <c>openssl speed</c> right before the run, in µs (null if it did not run).</summary>
    public double? RsaSignMicroseconds { get; init; }

    public static async Task<RunInfo> CollectAsync(VerifyCli cli, string repoRoot, BenchFederation federation, LoadOptions options)
    {
        var cpu = File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? "?";
        var load = string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3));
        var (_, version) = await VerifyCli.RunProcessAsync("dotnet", [cli.Dll, "--version"]).ConfigureAwait(false);
        var (_, head) = await VerifyCli.RunProcessAsync("git", ["-C", repoRoot, "rev-parse", "--short", "HEAD"]).ConfigureAwait(false);

        // --no-optional-locks: read-only, so it never takes the index lock other engineers' git commands need.
        var (_, status) = await VerifyCli.RunProcessAsync("git", ["-C", repoRoot, "--no-optional-locks", "status", "--porcelain", "--untracked-files=no"]).ConfigureAwait(false);
        var dirty = status.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length;
        return new RunInfo(
            cpu,
            Environment.ProcessorCount,
            load,
            Environment.Version.ToString(),
            version.Trim(),
            $"{head.Trim()}{(dirty > 0 ? $" + {dirty} uncommitted file(s) in the working tree" : "")}",
            GcMode(cli.Dll, options),
            await StoreFacts.PostgresVersionAsync(federation.Connection).ConfigureAwait(false),
            await StoreFacts.RedisVersionAsync(options.Redis).ConfigureAwait(false))
        {
            RsaSignMicroseconds = await RsaSignAsync().ConfigureAwait(false),
        };
    }

    /// <summary>
    /// <c>openssl speed -mr rsa2048</c> for a second: how fast one core signs right now (a floor for the hub's six
    /// RSA-2048 private-key operations per journey, and a gauge of how busy the machine is).
    /// </summary>
    private static async Task<double?> RsaSignAsync()
    {
        var (code, output) = await VerifyCli.RunProcessAsync("openssl", ["speed", "-seconds", "1", "-mr", "rsa2048"]).ConfigureAwait(false);
        var line = output.Split('\n').FirstOrDefault(l => l.StartsWith("+F2:", StringComparison.Ordinal));
        return code == 0 && line?.Split(':') is { Length: >= 5 } fields
            && double.TryParse(fields[3], System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var perSecond) && perSecond > 0
            ? 1e6 / perSecond
            : null;
    }

    /// <summary>The hub's GC mode: <c>DOTNET_gcServer</c> if passed with --hub-env, else verify.runtimeconfig.json's.</summary>
    private static string GcMode(string verifyDll, LoadOptions options)
    {
        if (options.HubEnvironment.FirstOrDefault(e => e.Key.Equals("DOTNET_gcServer", StringComparison.OrdinalIgnoreCase)) is { Key: not null } set)
        {
            return set.Value == "1" ? "server GC (--hub-env)" : "workstation GC (--hub-env)";
        }

        var config = Path.ChangeExtension(verifyDll, ".runtimeconfig.json");
        using var json = JsonDocument.Parse(File.ReadAllText(config));
        var server = json.RootElement.GetProperty("runtimeOptions").TryGetProperty("configProperties", out var properties)
            && properties.TryGetProperty("System.GC.Server", out var value) && value.GetBoolean();
        return server ? "server GC" : "workstation GC (concurrent)";
    }
}
