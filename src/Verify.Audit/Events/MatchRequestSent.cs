namespace Verify.Audit.Events;

/// <summary>The hub sent the relying party's matching service a request (ARCHITECTURE.md step 4).</summary>
public sealed record MatchRequestSent : JourneyEvent
{
    /// <summary>The matching service.</summary>
    public required AuditEntityId MatchingService { get; init; }

    /// <summary>Which request.</summary>
    public required MatchCycle Cycle { get; init; }
}
