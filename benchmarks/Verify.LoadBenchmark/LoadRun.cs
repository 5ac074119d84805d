using System.Diagnostics;

namespace Verify.LoadBenchmark;

/// <summary>
/// The load: N virtual citizens, each running journeys back to back with no pause (a closed loop), spread over the
/// RPs in turn. A warm-up (JIT, connection pools, Redis and PostgreSQL caches) is not counted; then the timed phase
/// counts the journeys that end inside it, with CPU snapshots at its start and end.
/// </summary>
internal sealed class LoadRun(LoadOptions options, BenchFederation federation, HubProcess hub, TextWriter progress)
{
    private const int Measuring = 1, Stopping = 2;
    private const double SettledJitShare = 0.05;
    private static readonly TimeSpan WarmupLimit = TimeSpan.FromSeconds(180);
    private static readonly TimeSpan ProgressInterval = TimeSpan.FromSeconds(5);
    private double _lastJitShare = 1;
    private int _phase;
    private long _rpTurn;
    private long _completed;
    private long _failed;
    private long _measured;

    public async Task<LoadResult> RunAsync()
    {
        var tallies = Enumerable.Range(0, options.Clients).Select(_ => new ClientTally()).ToList();
        var clients = tallies.Select(t => Task.Run(() => ClientAsync(t))).ToList();

        // Long enough, with enough journeys, and until the hub's background re-JIT has (nearly) stopped, so the timed
        // phase sees the hub's steady state; bounded, so a starved machine still gets a (flagged) figure.
        var warmup = await PhaseAsync("warm-up", t => !Hopeless && (t < options.Warmup
            || ((Interlocked.Read(ref _completed) < options.WarmupJourneys || _lastJitShare > SettledJitShare) && t < WarmupLimit))).ConfigureAwait(false);
        var warmupJourneys = Interlocked.Read(ref _completed);

        var perf = options.Profile ? PerfProfile.Start(hub.ProcessId, federation.Folder) : null;
        var storesBefore = await StoreCalls.TakeAsync(federation.Connection, options.Redis).ConfigureAwait(false);
        var before = CpuSnapshot.Take(hub.ProcessId, options.Watch);
        Volatile.Write(ref _phase, Measuring);
        var elapsed = await PhaseAsync("measuring", t => !Hopeless
            && (options.Journeys is { } n ? Interlocked.Read(ref _measured) < n : t < options.Duration)).ConfigureAwait(false);
        var cpu = CpuSnapshot.Take(hub.ProcessId, options.Watch).Since(before);
        var measured = Interlocked.Read(ref _measured);
        Volatile.Write(ref _phase, Stopping);
        var stores = (await StoreCalls.TakeAsync(federation.Connection, options.Redis).ConfigureAwait(false)).Since(storesBefore, measured);
        var profile = perf is null ? null : await perf.StopAsync().ConfigureAwait(false);
        await Task.WhenAll(clients).ConfigureAwait(false);
        return LoadResult.Merge(tallies, elapsed, cpu, hub.HasExited) with
        {
            AllJourneys = Interlocked.Read(ref _completed) + Interlocked.Read(ref _failed),
            Warmup = warmup,
            WarmupJourneys = warmupJourneys,
            Profile = profile,
            StoreCalls = stores,
        };
    }

    /// <summary>Every journey fails (a broken set-up or hub): stop early and report the reasons.</summary>
    private bool Hopeless => Interlocked.Read(ref _completed) == 0 && Interlocked.Read(ref _failed) >= 100;

    /// <summary>
    /// Runs a phase while <paramref name="carryOn"/> (given the phase's elapsed time) says so, reporting every 5 s the
    /// journey rate, the hub's CPU and the share of it spent re-JITting; returns the phase's length.
    /// </summary>
    private async Task<TimeSpan> PhaseAsync(string name, Func<TimeSpan, bool> carryOn)
    {
        var clock = Stopwatch.StartNew();
        var window = (Time: TimeSpan.Zero, Completed: Interlocked.Read(ref _completed), Hub: ProcessCpu.Ticks(hub.ProcessId), Threads: ProcessCpu.Threads(hub.ProcessId));
        while (carryOn(clock.Elapsed))
        {
            if (hub.HasExited)
            {
                await progress.WriteLineAsync("The hub process exited:\n" + hub.Tail()).ConfigureAwait(false);
                break;
            }

            await Task.Delay(50).ConfigureAwait(false);
            if (clock.Elapsed - window.Time >= ProgressInterval)
            {
                var now = (Time: clock.Elapsed, Completed: Interlocked.Read(ref _completed), Hub: ProcessCpu.Ticks(hub.ProcessId), Threads: ProcessCpu.Threads(hub.ProcessId));
                var seconds = (now.Time - window.Time).TotalSeconds;
                var jit = HubThreadKinds.Since(window.Threads, now.Threads, now.Hub - window.Hub).GetValueOrDefault(HubThreadKinds.TieredJit);
                _lastJitShare = now.Hub == window.Hub ? 0 : (double)jit / (now.Hub - window.Hub);
                await progress.WriteLineAsync(
                    $"  {name} {now.Time.TotalSeconds,4:0}s: {(now.Completed - window.Completed) / seconds,6:0.0} journeys/s, hub {ProcessCpu.Milliseconds(now.Hub - window.Hub) / 1000 / seconds:0.00} cores "
                    + $"({_lastJitShare:P0} re-JIT), {Interlocked.Read(ref _failed)} failed so far").ConfigureAwait(false);
                window = now;
            }
        }

        return clock.Elapsed;
    }

    private async Task ClientAsync(ClientTally tally)
    {
        var hubHost = options.HubTls ? null : federation.HubUrl.Host;
        while (Volatile.Read(ref _phase) != Stopping)
        {
            var rp = federation.Rps[(int)(Interlocked.Increment(ref _rpTurn) % federation.Rps.Count)].Endpoint.PublicBaseUrl;
            var hops = new List<(string Hop, double Milliseconds)>(CitizenJourney.Hops.Count);
            var started = Stopwatch.GetTimestamp();
            JourneyFailure? failure = null;
            try
            {
                using var browser = new VirtualBrowser(federation.Tls, hubHost, (hop, ms) => hops.Add((hop, ms)));
                await CitizenJourney.RunAsync(browser, rp).ConfigureAwait(false);
            }
            catch (JourneyFailure failed)
            {
                failure = failed;
            }
#pragma warning disable CA1031 // A load generator keeps going and counts what went wrong.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                failure = new JourneyFailure("?", ex.GetType().Name);
            }

            if (failure is not null)
            {
                Interlocked.Increment(ref _failed);
            }
            else
            {
                Interlocked.Increment(ref _completed);
            }

            if (Volatile.Read(ref _phase) == Measuring)
            {
                Interlocked.Increment(ref _measured);
                tally.Record(hops, Stopwatch.GetElapsedTime(started).TotalMilliseconds, failure);
            }
        }
    }
}
