namespace Verify.LoadBenchmark;

/// <summary>The timed phase, merged over every virtual citizen.</summary>
internal sealed record LoadResult(
    TimeSpan Elapsed,
    int Succeeded,
    IReadOnlyDictionary<string, int> Failures,
    IReadOnlyDictionary<string, double[]> Hops,
    double[] Journeys,
    CpuUsage Cpu,
    bool HubExited)
{
    /// <summary>Journeys run in all, warm-up and the end's stragglers included (to relate store counts to).</summary>
    public long AllJourneys { get; init; }

    public TimeSpan Warmup { get; init; }

    public long WarmupJourneys { get; init; }

    /// <summary>With <c>--profile</c>: the hub's CPU by cost, as shares of perf's samples.</summary>
    public IReadOnlyList<(string Cost, double Share)>? Profile { get; init; }

    /// <summary>Redis commands and PostgreSQL transactions per journey in the timed phase (all clients, the hub's in the main).</summary>
    public StoreCalls? StoreCalls { get; init; }

    public int Failed => Failures.Values.Sum();

    public double JourneysPerSecond => Succeeded / Elapsed.TotalSeconds;

    public static LoadResult Merge(IReadOnlyList<ClientTally> tallies, TimeSpan elapsed, CpuUsage cpu, bool hubExited)
    {
        var failures = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (reason, count) in tallies.SelectMany(t => t.Failures))
        {
            failures[reason] = failures.GetValueOrDefault(reason) + count;
        }

        var hops = tallies.SelectMany(t => t.Hops).GroupBy(h => h.Key, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => Sorted(g.SelectMany(h => h.Value)), StringComparer.Ordinal);
        return new LoadResult(elapsed, tallies.Sum(t => t.Succeeded), failures, hops, Sorted(tallies.SelectMany(t => t.Journeys)), cpu, hubExited);
    }

    /// <summary>The nearest-rank percentile <paramref name="p"/> (0–100) of sorted samples.</summary>
    public static double Percentile(double[] sorted, double p) =>
        sorted.Length == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(p / 100 * sorted.Length) - 1, 0, sorted.Length - 1)];

    private static double[] Sorted(IEnumerable<double> samples)
    {
        var array = samples.ToArray();
        Array.Sort(array);
        return array;
    }
}
