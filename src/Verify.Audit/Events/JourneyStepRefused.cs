namespace Verify.Audit.Events;

/// <summary>A step that is not allowed from the journey's state was refused (ARCHITECTURE.md: an illegal transition is refused and audited).</summary>
public sealed record JourneyStepRefused : JourneyEvent
{
    /// <summary>The state the journey is in.</summary>
    public required AuditCode State { get; init; }

    /// <summary>The step that was tried.</summary>
    public required AuditCode Step { get; init; }

    /// <summary>The error from the catalogue.</summary>
    public required AuditCode ErrorCode { get; init; }
}
