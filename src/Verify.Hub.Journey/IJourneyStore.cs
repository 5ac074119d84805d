namespace Verify.Hub.Journey;

/// <summary>
/// Where journeys live between requests, so any hub node can serve any step (ARCHITECTURE.md "Storage"): Redis in
/// production (<see cref="Redis.RedisJourneyStore"/>), in-process for <c>start-dev</c>
/// (<see cref="InMemory.InMemoryJourneyStore"/>). Every key has a time to live (the journey's expiry plus
/// <see cref="JourneyOptions.TimeoutRetention"/>), and every write is a compare-and-swap on
/// <see cref="JourneyRecord.Version"/>, so a double-submitted form cannot fork a journey: the second writer gets
/// <see cref="JourneyWriteStatus.VersionConflict"/>.
/// </summary>
public interface IJourneyStore
{
    /// <summary>
    /// The journey, or null when there is none (never created, deleted, or past its time to live). Read at or
    /// after its expiry, it is returned in <see cref="States.TimeoutState"/> (not written back).
    /// </summary>
    Task<JourneyRecord?> GetAsync(JourneyId id, CancellationToken cancellationToken = default);

    /// <summary>Stores a journey from <see cref="JourneyStateMachine.Start"/> (version 0) and returns it as stored, at version 1.</summary>
    /// <exception cref="ArgumentException">The journey's version is not 0.</exception>
    /// <exception cref="JourneyStoreException">A journey with this ID exists already.</exception>
    Task<JourneyRecord> CreateAsync(JourneyRecord journey, CancellationToken cancellationToken = default);

    /// <summary>
    /// Stores <paramref name="journey"/> if the stored version is still <see cref="JourneyRecord.Version"/>, at that
    /// version + 1, with a time to live from its new expiry.
    /// </summary>
    Task<JourneyWriteResult> TryUpdateAsync(JourneyRecord journey, CancellationToken cancellationToken = default);

    /// <summary>
    /// Deletes the journey if the stored version is still <see cref="JourneyRecord.Version"/>: the hub calls this once
    /// the RP has been answered, so no personal data outlives the journey.
    /// </summary>
    Task<JourneyWriteResult> TryDeleteAsync(JourneyRecord journey, CancellationToken cancellationToken = default);
}
