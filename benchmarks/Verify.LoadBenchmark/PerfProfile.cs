using System.Diagnostics;
using System.Text.RegularExpressions;

namespace Verify.LoadBenchmark;

/// <summary>
/// <c>--profile</c>: where the hub's CPU goes, from Linux <c>perf</c> sampling the hub process during the timed phase
/// (499 Hz, call graphs; the hub runs with <c>DOTNET_PerfMapEnabled=1</c> so JIT-compiled frames have names). Each
/// sample is charged to one cost: OpenSSL or the kernel when the sample is in them (OpenSSL has no frame pointers, so
/// its callers are unknown), else the innermost managed frame of a known component.
/// </summary>
internal sealed partial class PerfProfile
{
    private readonly Process _perf;
    private readonly string _data;

    private PerfProfile(Process perf, string data)
    {
        _perf = perf;
        _data = data;
    }

    /// <summary>The hub's environment for a profiled run: frame names for perf, code in anonymous memory it can map.</summary>
    public static readonly IReadOnlyList<KeyValuePair<string, string>> HubEnvironment =
        [new("DOTNET_PerfMapEnabled", "1"), new("DOTNET_EnableWriteXorExecute", "0")];

    public static PerfProfile Start(int hubPid, string folder)
    {
        var data = Path.Combine(folder, "perf.data");
        var start = new ProcessStartInfo("perf") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[] { "record", "-e", "cpu-clock", "-F", "499", "-g", "-p", hubPid.ToString(System.Globalization.CultureInfo.InvariantCulture), "-o", data })
        {
            start.ArgumentList.Add(arg);
        }

        try
        {
            return new PerfProfile(Process.Start(start) ?? throw new InvalidOperationException("perf did not start."), data);
        }
        catch (System.ComponentModel.Win32Exception)
        {
            throw new InvalidOperationException("--profile needs Linux perf: apt-get install linux-perf (run-load.sh does).");
        }
    }

    /// <summary>Stops perf (SIGINT, so it writes its file) and charges every sample to a cost.</summary>
    public async Task<IReadOnlyList<(string Cost, double Share)>> StopAsync()
    {
        await VerifyCli.RunProcessAsync("kill", ["-INT", _perf.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]).ConfigureAwait(false);
        await _perf.WaitForExitAsync().ConfigureAwait(false);
        var (_, script) = await VerifyCli.RunProcessAsync("perf", ["script", "-i", _data, "-F", "comm,ip,sym,dso"]).ConfigureAwait(false);
        var costs = new Dictionary<string, int>(StringComparer.Ordinal);
        var samples = 0;
        foreach (var sample in script.Split("\n\n", StringSplitOptions.RemoveEmptyEntries))
        {
            var lines = sample.Split('\n', StringSplitOptions.RemoveEmptyEntries);
            if (lines.Length < 2)
            {
                continue;
            }

            var cost = Charge(lines[0].Trim(), lines.Skip(1).Select(l => l.Trim()).ToList());
            costs[cost] = costs.GetValueOrDefault(cost) + 1;
            samples++;
        }

        _perf.Dispose();
        return [.. costs.OrderByDescending(c => c.Value).Select(c => (c.Key, (double)c.Value / Math.Max(1, samples)))];
    }

    private static string Charge(string thread, List<string> frames)
    {
        var leaf = frames[0];
        if (thread.StartsWith(".NET Tiered Com", StringComparison.Ordinal) || leaf.Contains("libclrjit", StringComparison.Ordinal))
        {
            return "JIT";
        }

        if (thread.StartsWith(".NET BGC", StringComparison.Ordinal))
        {
            return "GC (background)";
        }

        if (leaf.Contains("libcrypto", StringComparison.Ordinal) || leaf.Contains("libssl", StringComparison.Ordinal))
        {
            return "OpenSSL: RSA private-key operations, TLS, hashes (callers unknown)";
        }

        if (leaf.Contains("kernel.kallsyms", StringComparison.Ordinal))
        {
            var kernel = string.Join(' ', frames.Take(25));
            return Network().IsMatch(kernel) ? "kernel: loopback TCP send/receive"
                : Scheduling().IsMatch(kernel) ? "kernel: thread wake-ups, scheduling"
                : "kernel: other (epoll, VM interrupts, page faults)";
        }

        foreach (var frame in frames)
        {
            if (Component(frame) is { } component)
            {
                return component;
            }
        }

        return frames.Any(f => f.Contains("LowLevelLifoSemaphore", StringComparison.Ordinal) || f.Contains("WorkerThread", StringComparison.Ordinal))
            ? "thread pool: dispatch, spin-waiting"
            : "runtime and other native code";
    }

    /// <summary>The cost a managed frame belongs to, by its assembly; null for the base library (charged to its caller).</summary>
    private static string? Component(string frame)
    {
        var match = Assembly().Match(frame);
        if (!match.Success)
        {
            return null;
        }

        var assembly = match.Groups[1].Value;
        return assembly switch
        {
            "Verify.Saml" when SamlCrypto().IsMatch(frame) => "SAML signatures, encryption (XML c14n, digests)",
            "System.Security.Cryptography.Xml" => "SAML signatures, encryption (XML c14n, digests)",
            "Verify.Saml" => "SAML messages: read, validate, write",
            "System.Private.Xml" => "XML parse and write (System.Xml)",
            "Npgsql" or "Verify.Audit" => "audit append (Npgsql, Verify.Audit)",
            _ when assembly.StartsWith("Microsoft.EntityFrameworkCore", StringComparison.Ordinal) || assembly.StartsWith("Npgsql.", StringComparison.Ordinal) => "EF Core",
            _ when assembly.StartsWith("StackExchange.Redis", StringComparison.Ordinal) || assembly == "RESPite" => "Redis client",
            "System.Text.Json" => "JSON (journeys in Redis)",
            "System.Net.Security" => "TLS record layer (SslStream)",
            "System.Net.Sockets" => "sockets",
            _ when assembly.StartsWith("Microsoft.AspNetCore.Antiforgery", StringComparison.Ordinal) || assembly.StartsWith("Microsoft.AspNetCore.DataProtection", StringComparison.Ordinal) => "antiforgery, data protection",
            _ when assembly.StartsWith("Microsoft.AspNetCore.Mvc.Razor", StringComparison.Ordinal) || assembly.StartsWith("Microsoft.AspNetCore.Razor", StringComparison.Ordinal)
                || assembly.StartsWith("Microsoft.AspNetCore.Mvc.ViewFeatures", StringComparison.Ordinal) || assembly.StartsWith("Microsoft.AspNetCore.Mvc.TagHelpers", StringComparison.Ordinal) => "Razor page rendering",
            _ when assembly.StartsWith("Microsoft.AspNetCore.Mvc", StringComparison.Ordinal) => "MVC / Razor Pages pipeline (binding, filters)",
            _ when assembly.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal) || assembly == "Microsoft.Net.Http.Headers" => "Kestrel, HTTP pipeline, middleware",
            _ when assembly.StartsWith("Microsoft.Extensions.Logging", StringComparison.Ordinal) || assembly.StartsWith("OpenTelemetry", StringComparison.Ordinal)
                || assembly == "System.Diagnostics.DiagnosticSource" => "logging, telemetry",
            _ when assembly.StartsWith("Verify.", StringComparison.Ordinal) => "hub logic (Verify.Hub, Verify.Web, Verify.Federation)",
            _ when assembly.StartsWith("System.", StringComparison.Ordinal) || assembly.StartsWith("Microsoft.Extensions", StringComparison.Ordinal) => null,
            _ => "other: " + assembly,
        };
    }

    [GeneratedRegex(@"\[([\w\.]+)\] \S*::", RegexOptions.CultureInvariant)]
    private static partial Regex Assembly();

    [GeneratedRegex(@"Sign|Verif|Encrypt|Decrypt|Canonical|Digest", RegexOptions.CultureInvariant)]
    private static partial Regex SamlCrypto();

    [GeneratedRegex(@"tcp_|sock_|inet_|__sys_send|__sys_recv|ip_|__dev_queue|net_rx|skb|loopback", RegexOptions.CultureInvariant)]
    private static partial Regex Network();

    [GeneratedRegex(@"futex|schedule|sched_|try_to_wake|pick_next|finish_task_switch", RegexOptions.CultureInvariant)]
    private static partial Regex Scheduling();
}
