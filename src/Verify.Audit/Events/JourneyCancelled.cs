namespace Verify.Audit.Events;

/// <summary>The citizen left the journey at the hub (e.g. "cancel" on a hub page).</summary>
public sealed record JourneyCancelled : JourneyEvent
{
    /// <summary>The journey state it was in, e.g. <c>AwaitingCycle3DataState</c>.</summary>
    public required AuditCode State { get; init; }
}
