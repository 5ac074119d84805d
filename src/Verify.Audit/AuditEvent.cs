namespace Verify.Audit;

/// <summary>
/// One business event of the hub, recorded once in the tamper-evident audit trail. One sealed record per event, named
/// in the past tense (STYLE.md), in <see cref="Events"/>. Every property is of a type that cannot hold personal data
/// in clear: <see cref="KeyedHash"/> for identifiers of people and journeys, <see cref="AuditEntityId"/> for
/// organisations, <see cref="AuditCode"/> for codes, and enums (ARCHITECTURE.md: audit events hold keyed hashes only).
/// </summary>
/// <remarks>
/// The trail stores and chains each event's canonical JSON (<see cref="Chain.AuditJson"/>): property names in camel
/// case, sorted, so renaming a property changes the format; add properties, do not rename them.
/// </remarks>
public abstract record AuditEvent
{
    private protected AuditEvent()
    {
    }

    /// <summary>The event's random ID and the time it happened.</summary>
    public required AuditStamp Stamp { get; init; }

    /// <summary>The event's name, e.g. <c>IdpSelected</c>: its type's name, never input.</summary>
    public string EventType => GetType().Name;
}
