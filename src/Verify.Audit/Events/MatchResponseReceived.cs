namespace Verify.Audit.Events;

/// <summary>
/// The matching service answered and the answer was valid (ARCHITECTURE.md step 4), or no valid answer came: outcome
/// <c>MatchingServiceError</c> with the reason in <see cref="ErrorCode"/>, or <c>NoAnswer</c> when none came in time.
/// </summary>
public sealed record MatchResponseReceived : JourneyEvent
{
    /// <summary>The matching service.</summary>
    public required AuditEntityId MatchingService { get; init; }

    /// <summary>Its answer: <c>Match</c>, <c>NoMatch</c>, <c>UserAccountCreated</c>, <c>UserAccountCreationFailed</c>, ….</summary>
    public required AuditCode Outcome { get; init; }

    /// <summary>Why no valid answer came (a catalogue error ID, or the matching service's own failure), when it did not.</summary>
    public AuditCode? ErrorCode { get; init; }
}
