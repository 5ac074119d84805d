namespace Verify.LoadBenchmark;

/// <summary>What one virtual citizen saw during the timed phase (one writer: no locks until the merge).</summary>
internal sealed class ClientTally
{
    public Dictionary<string, List<double>> Hops { get; } = new(StringComparer.Ordinal);

    public List<double> Journeys { get; } = [];

    public Dictionary<string, int> Failures { get; } = new(StringComparer.Ordinal);

    public int Succeeded { get; private set; }

    public void Record(IEnumerable<(string Hop, double Milliseconds)> hops, double journeyMilliseconds, JourneyFailure? failure)
    {
        foreach (var (hop, ms) in hops)
        {
            if (!Hops.TryGetValue(hop, out var samples))
            {
                Hops[hop] = samples = [];
            }

            samples.Add(ms);
        }

        if (failure is null)
        {
            Succeeded++;
            Journeys.Add(journeyMilliseconds);
        }
        else
        {
            var key = $"{failure.Hop}: {failure.Reason}";
            Failures[key] = Failures.GetValueOrDefault(key) + 1;
        }
    }
}
