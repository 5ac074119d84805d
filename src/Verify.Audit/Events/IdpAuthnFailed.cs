namespace Verify.Audit.Events;

/// <summary>The IDP answered that authentication failed.</summary>
public sealed record IdpAuthnFailed : IdpEvent
{
    /// <summary>The IDP's SAML status (second-level status code when there is one).</summary>
    public required AuditCode StatusCode { get; init; }
}
