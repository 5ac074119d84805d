namespace Verify.Audit.Events;

/// <summary>A journey was found past its time limit when it was read (ARCHITECTURE.md: every state can time out).</summary>
public sealed record JourneyTimedOut : JourneyEvent
{
    /// <summary>The journey state it was in.</summary>
    public required AuditCode State { get; init; }
}
