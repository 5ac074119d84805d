namespace Verify.Audit.Events;

/// <summary>The matching service answered and the answer was valid (ARCHITECTURE.md step 4).</summary>
public sealed record MatchResponseReceived : JourneyEvent
{
    /// <summary>The matching service.</summary>
    public required AuditEntityId MatchingService { get; init; }

    /// <summary>Its answer: <c>Match</c>, <c>NoMatch</c>, <c>UserAccountCreated</c>, <c>UserAccountCreationFailed</c>, ….</summary>
    public required AuditCode Outcome { get; init; }
}
