namespace Verify.Audit.Events;

/// <summary>
/// A relying party's request was refused (bad signature, unknown issuer, ACS URL not registered, replay, …); no journey
/// was started (ARCHITECTURE.md: a refusal writes exactly one audit event).
/// </summary>
public sealed record AuthnRequestRefused : AuditEvent
{
    /// <summary>SAML or OIDC.</summary>
    public required AuditProtocol Protocol { get; init; }

    /// <summary>The error from the catalogue.</summary>
    public required AuditCode ErrorCode { get; init; }

    /// <summary>The issuer (client ID) the request claimed, when it had a well-formed one; not necessarily registered.</summary>
    public AuditEntityId? Issuer { get; init; }

    /// <summary>The request's ID, keyed-hashed, when it had one.</summary>
    public KeyedHash? Request { get; init; }
}
