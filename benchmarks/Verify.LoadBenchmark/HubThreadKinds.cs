namespace Verify.LoadBenchmark;

/// <summary>
/// The hub's CPU by kind of thread, from the names the .NET runtime gives its threads (<c>/proc/PID/task/TID/comm</c>,
/// 15 characters): request work runs on thread-pool workers; re-JIT of hot methods (tier 1, dynamic PGO) on the
/// tiered-compilation thread, which is how the report shows whether the hub was still warming up.
/// </summary>
internal static class HubThreadKinds
{
    public const string Workers = "thread-pool workers (requests)";
    public const string TieredJit = "tiered JIT (background re-JIT)";
    public const string Gc = "GC background threads";
    public const string Sockets = "socket engine";
    public const string Exited = "threads that exited meanwhile";
    public const string Other = "other threads";

    public static IReadOnlyDictionary<string, long> Since(
        IReadOnlyDictionary<int, (string Name, long Ticks)> before, IReadOnlyDictionary<int, (string Name, long Ticks)> after, long processTicks)
    {
        var kinds = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var (tid, (name, ticks)) in after)
        {
            var previous = before.TryGetValue(tid, out var was) && was.Name == name ? was.Ticks : 0;
            var kind = Kind(name);
            kinds[kind] = kinds.GetValueOrDefault(kind) + (ticks - previous);
        }

        // A thread that ended during the interval took its ticks with it from the per-thread view, not the process's.
        var unaccounted = processTicks - kinds.Values.Sum();
        if (unaccounted > 0)
        {
            kinds[Exited] = unaccounted;
        }

        return kinds;
    }

    private static string Kind(string name) => name switch
    {
        ".NET TP Worker" => Workers,
        ".NET Tiered Com" => TieredJit,
        ".NET Sockets" => Sockets,
        _ when name.StartsWith(".NET BGC", StringComparison.Ordinal) || name.Contains("GC", StringComparison.Ordinal) => Gc,
        _ => Other,
    };
}
