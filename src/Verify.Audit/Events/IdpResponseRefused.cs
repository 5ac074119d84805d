namespace Verify.Audit.Events;

/// <summary>
/// A response from an identity provider was refused (signature, issuer not the selected IDP, audience, destination,
/// InResponseTo, time window, replay, level). The journey is unchanged (ARCHITECTURE.md: a refusal changes no journey).
/// </summary>
public sealed record IdpResponseRefused : AuditEvent
{
    /// <summary>The error from the catalogue.</summary>
    public required AuditCode ErrorCode { get; init; }

    /// <summary>The journey, when the session cookie named one.</summary>
    public KeyedHash? Journey { get; init; }

    /// <summary>The journey's relying party, when the journey was found.</summary>
    public AuditEntityId? RelyingParty { get; init; }

    /// <summary>The issuer the response claimed, when it had a well-formed one.</summary>
    public AuditEntityId? Issuer { get; init; }

    /// <summary>The response's InResponseTo, keyed-hashed, when it had one.</summary>
    public KeyedHash? Request { get; init; }
}
