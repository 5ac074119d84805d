using System.Diagnostics;

using Verify.Matching.Engine;

namespace Verify.Matching.Benchmarks;

/// <summary>Runs every probe through the engine, one at a time: cycle 1, then cycle 3 when cycle 1 did not match and the person has an identifier.</summary>
internal sealed class AccuracyRunner(IMatchingEngine engine)
{
    public Dictionary<Category, Tally> Tallies { get; } = Enum.GetValues<Category>().ToDictionary(c => c, _ => new Tally());

    public List<double> Cycle1Milliseconds { get; } = [];

    public List<double> Cycle3Milliseconds { get; } = [];

    public async Task WarmUpAsync(IReadOnlyList<Probe> probes, int count)
    {
        foreach (var probe in probes.Take(count))
        {
            await engine.MatchAsync(probe.Cycle1 with { MatchId = "warm-up-" + probe.Cycle1.MatchId });
        }
    }

    public async Task RunAsync(IReadOnlyList<Probe> probes, TextWriter log)
    {
        var done = 0;
        foreach (var probe in probes)
        {
            var clock = Stopwatch.StartNew();
            var cycle1 = await engine.MatchAsync(probe.Cycle1);
            Cycle1Milliseconds.Add(clock.Elapsed.TotalMilliseconds);

            MatchResult? cycle3 = null;
            if (!cycle1.IsMatch && probe.Cycle3 is not null)
            {
                clock.Restart();
                cycle3 = await engine.MatchAsync(probe.Cycle3);
                Cycle3Milliseconds.Add(clock.Elapsed.TotalMilliseconds);
            }

            Tallies[probe.Category].Add(probe.ExpectedRecordId, cycle1, cycle3);
            if (++done % 5_000 == 0)
            {
                log.WriteLine($"  matched {done:N0} of {probes.Count:N0} probes");
            }
        }
    }
}
