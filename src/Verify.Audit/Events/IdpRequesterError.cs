namespace Verify.Audit.Events;

/// <summary>The IDP answered that the hub's request was in error (SAML Requester status).</summary>
public sealed record IdpRequesterError : IdpEvent
{
    /// <summary>The IDP's SAML status (second-level status code when there is one).</summary>
    public required AuditCode StatusCode { get; init; }
}
