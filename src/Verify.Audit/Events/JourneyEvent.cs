namespace Verify.Audit.Events;

/// <summary>An event in one citizen's journey: which journey (keyed hash) and which relying party it is for.</summary>
public abstract record JourneyEvent : AuditEvent
{
    private protected JourneyEvent()
    {
    }

    /// <summary>The journey, as <see cref="AuditHasher.Journey"/> hashes its ID (never the ID itself: it is the session's bearer secret).</summary>
    public required KeyedHash Journey { get; init; }

    /// <summary>The relying party the citizen came from.</summary>
    public required AuditEntityId RelyingParty { get; init; }
}
