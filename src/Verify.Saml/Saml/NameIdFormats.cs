namespace Verify.Saml.Saml;

/// <summary>NameID <c>Format</c> URIs (SAML Core 8.3).</summary>
public static class NameIdFormats
{
    /// <summary>An opaque identifier that stays the same for a principal across sessions; what Verify IDPs send.</summary>
    public const string Persistent = "urn:oasis:names:tc:SAML:2.0:nameid-format:persistent";

    /// <summary>An opaque identifier for one session only.</summary>
    public const string Transient = "urn:oasis:names:tc:SAML:2.0:nameid-format:transient";

    /// <summary>An entity ID; the default format of <c>saml:Issuer</c>.</summary>
    public const string Entity = "urn:oasis:names:tc:SAML:2.0:nameid-format:entity";

    public const string Unspecified = "urn:oasis:names:tc:SAML:1.1:nameid-format:unspecified";
    public const string EmailAddress = "urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress";
    public const string Encrypted = "urn:oasis:names:tc:SAML:2.0:nameid-format:encrypted";
}
