namespace Verify.LoadBenchmark;

/// <summary>CPU ticks consumed so far by the hub (and each of its threads), this process, the watched processes and the machine.</summary>
internal sealed record CpuSnapshot(
    long Hub,
    IReadOnlyDictionary<int, (string Name, long Ticks)> HubThreads,
    long LoadGenerator,
    IReadOnlyDictionary<string, long> Watched,
    long MachineBusy,
    long MachineTotal)
{
    public static CpuSnapshot Take(int hubPid, IReadOnlyList<KeyValuePair<string, int>> watched)
    {
        var (busy, total) = ProcessCpu.Machine();
        return new CpuSnapshot(
            ProcessCpu.Ticks(hubPid),
            ProcessCpu.Threads(hubPid),
            ProcessCpu.Ticks(Environment.ProcessId),
            watched.ToDictionary(w => w.Key, w => ProcessCpu.Ticks(w.Value, withDescendants: true), StringComparer.Ordinal),
            busy,
            total);
    }

    /// <summary>What was consumed between <paramref name="before"/> and this snapshot.</summary>
    public CpuUsage Since(CpuSnapshot before) => new(
        Hub - before.Hub,
        HubThreadKinds.Since(before.HubThreads, HubThreads, Hub - before.Hub),
        LoadGenerator - before.LoadGenerator,
        Watched.ToDictionary(w => w.Key, w => w.Value - before.Watched[w.Key], StringComparer.Ordinal),
        MachineBusy - before.MachineBusy,
        MachineTotal - before.MachineTotal);
}

/// <summary>CPU ticks consumed over an interval (see <see cref="CpuSnapshot"/>).</summary>
internal sealed record CpuUsage(
    long Hub,
    IReadOnlyDictionary<string, long> HubByThreadKind,
    long LoadGenerator,
    IReadOnlyDictionary<string, long> Watched,
    long MachineBusy,
    long MachineTotal)
{
    /// <summary>The hub's ticks on its background tiered-compilation thread (re-JIT of hot methods).</summary>
    public long HubTieredJit => HubByThreadKind.GetValueOrDefault(HubThreadKinds.TieredJit);
}
