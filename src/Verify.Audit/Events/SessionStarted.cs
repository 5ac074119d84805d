namespace Verify.Audit.Events;

/// <summary>A relying party's request was accepted and a journey started (ARCHITECTURE.md step 1).</summary>
public sealed record SessionStarted : JourneyEvent
{
    /// <summary>SAML or OIDC.</summary>
    public required AuditProtocol Protocol { get; init; }

    /// <summary>The lowest level the relying party accepts.</summary>
    public required AssuranceLevel RequestedLevel { get; init; }

    /// <summary>The request's ID (SAML AuthnRequest ID), keyed-hashed, when it had one.</summary>
    public KeyedHash? Request { get; init; }
}
