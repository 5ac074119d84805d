namespace Verify.Hub.Matching;

/// <summary>
/// How the hub runs its matching queries (ADR 0018). How long it waits for an answer is a journey option
/// (<c>JourneyOptions.MatchingServiceWait</c>), because the journey records it.
/// </summary>
public sealed class HubMatchingOptions
{
    /// <summary>
    /// Most matching queries in flight on one node; more wait (asynchronously, holding no thread) for a slot, within
    /// their journey's wait. Default 256.
    /// </summary>
    public int MaxConcurrentQueries { get; init; } = 256;

    /// <summary>How often the waiting page reloads itself (no JavaScript). Default 3 seconds.</summary>
    public TimeSpan WaitingPageRefresh { get; init; } = TimeSpan.FromSeconds(3);

    /// <summary>Refuses settings that cannot work.</summary>
    public HubMatchingOptions Validate()
    {
        if (MaxConcurrentQueries is < 1 or > 100_000)
        {
            throw new InvalidOperationException("Hub: Matching.MaxConcurrentQueries must be between 1 and 100000.");
        }

        if (WaitingPageRefresh < TimeSpan.FromSeconds(1) || WaitingPageRefresh > TimeSpan.FromMinutes(1))
        {
            throw new InvalidOperationException("Hub: Matching.WaitingPageRefresh must be between 1 second and 1 minute.");
        }

        return this;
    }
}
