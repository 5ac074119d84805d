using System.Globalization;

namespace Verify.LoadBenchmark;

/// <summary>Prints the configuration and the figures (benchmarks/README.md says what each one means).</summary>
internal static class Report
{
    /// <summary>The issue's target: 300 journeys/s on this 2-core machine is 2 × 1000 / 300 ≈ 6.6 ms of hub CPU each.</summary>
    public const double TargetHubCpuMs = 6.6;

    public static void Configuration(TextWriter w, LoadOptions options, RunInfo info, BenchFederation federation, int hubPid)
    {
        var ceiling = options.RelyingParties * 3000 / 60;
        w.WriteLine("## Verify load benchmark: complete journeys against `verify start`");
        w.WriteLine();
        w.WriteLine($"machine        {info.Cores} cores, {info.Cpu}; load average before the run {info.LoadAverage}; .NET {info.Runtime}");
        if (info.RsaSignMicroseconds is { } rsa)
        {
            w.WriteLine($"               openssl speed rsa2048 just before: {rsa:0} µs per signature (the hub makes 6 RSA-2048 private-key operations per journey: >= {6 * rsa / 1000:0.0} ms)");
        }

        w.WriteLine($"hub            verify {info.HubVersion}, git {info.Commit}");
        w.WriteLine($"               `dotnet verify.dll start --config hub.json` (Release), own process pid {hubPid}, {info.HubGc}{Environment(options)}");
        w.WriteLine(options.HubTls
            ? "               TLS terminated by the hub itself (hub.tls set; RSA 2048, HTTP/1.1), one full handshake per journey"
            : "               plain http behind a simulated TLS-terminating proxy (hub.tls absent, public URL https)");
        w.WriteLine($"stores         PostgreSQL {info.Postgres} (federation store, data-protection keys; database {federation.Database})");
        w.WriteLine($"               Redis {info.Redis} (journeys, replay caches, rate-limit counters)");
        w.WriteLine("replay caches  on (Redis; production mode always uses them: hub AuthnRequest and Response IDs)");
        w.WriteLine("audit          hub.json's audit section: key file, ES256 checkpoint key, checkpoints every 60 s (events in PostgreSQL; see 'audit events')");
        w.WriteLine("telemetry      hub defaults (no OTLP endpoint configured, JSON console logs)");
        w.WriteLine($"rate limits    hub defaults: 30/min per client address, 3000/min per RP; every journey comes from its own 127.x.y.z,");
        w.WriteLine($"               journeys spread over {options.RelyingParties} RPs, so the limits allow at most {ceiling} journeys/s");
        w.WriteLine($"load           {options.Clients} virtual citizens, closed loop (no think time); warm-up >= {options.Warmup.TotalSeconds:0} s and >= {options.WarmupJourneys} journeys, not counted; "
            + (options.Journeys is { } n ? $"timed phase: {n} journeys" : $"timed phase {options.Duration.TotalSeconds:0} s"));
        w.WriteLine($"parties        stub IDP and {options.RelyingParties} test RPs hosted in the load generator's process (Kestrel, TLS), sharing the machine");
        w.WriteLine($"journey        {string.Join(" > ", CitizenJourney.Hops)}");
        w.WriteLine($"               (12 requests, 6 at the hub; intent 'registration', IDP answer success-level2, RP shows '{CitizenJourney.Success}')");
        w.WriteLine();
    }

    public static void Results(
        TextWriter w, LoadResult result, long? auditEvents, IReadOnlyDictionary<string, long> redisKeys, double? hubRss, IReadOnlyDictionary<int, (string Name, long Ticks)> hubThreads, int hubWarnings)
    {
        var cpu = result.Cpu;
        var seconds = result.Elapsed.TotalSeconds;
        var perJourney = result.Succeeded == 0 ? double.NaN : ProcessCpu.Milliseconds(cpu.Hub) / result.Succeeded;
        w.WriteLine("## results (timed phase)");
        w.WriteLine();
        w.WriteLine($"journeys/s     {result.JourneysPerSecond:0.0}  ({result.Succeeded:N0} journeys completed in {seconds:0.0} s, after a warm-up of {result.WarmupJourneys:N0} journeys in {result.Warmup.TotalSeconds:0} s)");
        w.WriteLine($"errors         {result.Failed}{(result.HubExited ? "  (the hub process exited)" : "")}");
        foreach (var (reason, count) in result.Failures.OrderByDescending(f => f.Value).Take(10))
        {
            w.WriteLine($"               {count,6} x {reason}");
        }

        if (result.Succeeded == 0)
        {
            w.WriteLine("               no journey completed: no CPU or latency figures (see the errors above, and hub.log with --keep)");
            return;
        }

        w.WriteLine($"hub CPU        {perJourney:0.00} ms per journey  (utime+stime of the hub process over the timed phase / journeys; "
            + $"{ProcessCpu.Milliseconds(cpu.Hub) / 1000 / seconds:0.00} cores busy on average)");
        w.WriteLine($"               target <= {TargetHubCpuMs} ms: {(perJourney <= TargetHubCpuMs ? "met" : "NOT MET")}; "
            + $"the hub alone on all {System.Environment.ProcessorCount} cores would do {System.Environment.ProcessorCount * 1000 / perJourney:0} journeys/s");
        w.WriteLine($"hub threads    per journey: {string.Join(", ", cpu.HubByThreadKind.OrderByDescending(k => k.Value).Select(k => $"{k.Key} {PerJourney(k.Value, result)} ms"))}");
        var jitShare = cpu.Hub == 0 ? 0 : (double)cpu.HubTieredJit / cpu.Hub;
        if (jitShare > 0.05)
        {
            w.WriteLine($"               WARNING: {jitShare:P0} of the hub's CPU in the timed phase was background re-JIT: the warm-up did not settle");
            w.WriteLine($"               (a busy machine, or too short); without it {PerJourney(cpu.Hub - cpu.HubTieredJit, result)} ms per journey, still including first-call JIT on workers");
        }

        w.WriteLine($"other CPU      per journey: load generator (citizens + stub IDP + RPs) {PerJourney(cpu.LoadGenerator, result)} ms"
            + string.Concat(cpu.Watched.Select(x => $", {x.Key} {PerJourney(x.Value, result)} ms")));
        w.WriteLine($"               machine busy {100.0 * cpu.MachineBusy / Math.Max(1, cpu.MachineTotal):0}% of {System.Environment.ProcessorCount} cores (others' processes included)");
        w.WriteLine($"journey time   p50 {P(result.Journeys, 50)} ms, p99 {P(result.Journeys, 99)} ms (all 12 requests, as the citizen waits)");
        w.WriteLine($"audit events   {AuditLine(auditEvents, result)}");
        if (result.StoreCalls is { } calls)
        {
            w.WriteLine($"store calls    per journey: Redis {calls.RedisPerJourney:0.0} commands ({string.Join(", ", calls.Redis.Where(c => c.Value >= 0.05).Select(c => $"{c.Key} {c.Value:0.0}"))}); "
                + $"PostgreSQL {calls.PostgresTransactionsPerJourney:0.0} transactions");
        }

        w.WriteLine($"Redis keys     {string.Join(", ", redisKeys.Select(k => $"{k.Key}* {k.Value:N0}"))} (after the run, warm-up included)");
        w.WriteLine($"hub process    {hubRss:0} MB resident at the end, {hubThreads.Count} threads ({hubThreads.Values.Count(t => t.Name == ".NET TP Worker")} thread-pool workers); "
            + $"{hubWarnings} warning/error lines in hub.log");
        w.WriteLine();
        if (result.Profile is { } profile)
        {
            w.WriteLine("| where the hub's CPU went (perf, timed phase) | share | ms per journey |");
            w.WriteLine("| --- | ---: | ---: |");
            foreach (var (cost, share) in profile.Where(p => p.Share >= 0.005))
            {
                w.WriteLine($"| {cost} | {share:P1} | {share * perJourney:0.00} |");
            }

            w.WriteLine();
        }

        w.WriteLine("| hop | requests | p50 ms | p99 ms |");
        w.WriteLine("| --- | ---: | ---: | ---: |");
        foreach (var hop in CitizenJourney.Hops)
        {
            var samples = result.Hops.GetValueOrDefault(hop) ?? [];
            w.WriteLine($"| {hop} | {samples.Length:N0} | {P(samples, 50)} | {P(samples, 99)} |");
        }

        var hub = CitizenJourney.Hops.Where(h => h.StartsWith("hub-", StringComparison.Ordinal)).Select(h => result.Hops.GetValueOrDefault(h) ?? []).ToList();
        w.WriteLine($"| (sum of the 6 hub hops' p50) | | {hub.Sum(s => LoadResult.Percentile(s, 50)).ToString("0.0", CultureInfo.InvariantCulture)} | |");
        w.WriteLine();
    }

    private static string Environment(LoadOptions options) =>
        options.HubEnvironment.Count == 0 ? "" : "; " + string.Join(' ', options.HubEnvironment.Select(e => $"{e.Key}={e.Value}"));

    private static string PerJourney(long ticks, LoadResult result) =>
        (result.Succeeded == 0 ? double.NaN : ProcessCpu.Milliseconds(ticks) / result.Succeeded).ToString("0.00", CultureInfo.InvariantCulture);

    private static string P(double[] sorted, double p) => LoadResult.Percentile(sorted, p).ToString("0.0", CultureInfo.InvariantCulture);

    private static string AuditLine(long? events, LoadResult result) => events switch
    {
        null => "OFF: no audit_events table; this hub build does not write the audit trail yet (hub.json's audit section is ready for it)",
        0 => "OFF: audit_events exists but the hub wrote no event",
        { } n => $"ON: {n:N0} rows in audit_events after the run, {(double)n / Math.Max(1, result.AllJourneys):0.0} per journey over all {result.AllJourneys:N0} run (warm-up included)",
    };
}
