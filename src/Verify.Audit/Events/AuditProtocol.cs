namespace Verify.Audit.Events;

/// <summary>The protocol a relying party used. Written by name; explicit numbers.</summary>
public enum AuditProtocol
{
    /// <summary>SAML 2.0.</summary>
    Saml = 1,

    /// <summary>OpenID Connect.</summary>
    Oidc = 2,
}
