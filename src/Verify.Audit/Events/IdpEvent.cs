namespace Verify.Audit.Events;

/// <summary>A journey event that involves the identity provider the citizen chose.</summary>
public abstract record IdpEvent : JourneyEvent
{
    private protected IdpEvent()
    {
    }

    /// <summary>The identity provider.</summary>
    public required AuditEntityId IdentityProvider { get; init; }
}
