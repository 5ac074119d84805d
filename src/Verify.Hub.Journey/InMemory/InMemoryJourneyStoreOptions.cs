namespace Verify.Hub.Journey.InMemory;

/// <summary>Settings of the in-process journey store (<c>start-dev</c>, single node).</summary>
public sealed class InMemoryJourneyStoreOptions
{
    /// <summary>Most journeys kept at once. Default 10,000.</summary>
    public int Capacity { get; init; } = 10_000;

    /// <summary>How often, at most, expired journeys are swept out on a write. Default 1 minute.</summary>
    public TimeSpan SweepInterval { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>Checks the settings.</summary>
    /// <exception cref="ArgumentException">A setting is out of range.</exception>
    public InMemoryJourneyStoreOptions Validate()
    {
        if (Capacity < 1)
        {
            throw new ArgumentException($"{nameof(Capacity)} must be at least 1.", nameof(Capacity));
        }

        if (SweepInterval <= TimeSpan.Zero)
        {
            throw new ArgumentException($"{nameof(SweepInterval)} must be positive.", nameof(SweepInterval));
        }

        return this;
    }
}
