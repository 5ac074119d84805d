using Verify.Saml.Trust;

namespace Verify.Federation.Registration;

/// <summary>
/// A relying party's matching service as the operator registers it with the RP: its SAML metadata (the source of its
/// entity ID, SOAP endpoint and keys), where it creates accounts, and how its keys are trusted.
/// </summary>
public sealed record MatchingServiceSettings
{
    /// <summary>
    /// The matching service's metadata: one <c>md:EntityDescriptor</c> with an <c>md:AttributeAuthorityDescriptor</c>
    /// holding a SOAP <c>md:AttributeService</c>, a signing and an encryption certificate (what
    /// <c>GET /SAML2/metadata</c> of <c>Verify.MatchingService</c> serves).
    /// </summary>
    public required ReadOnlyMemory<byte> Metadata { get; init; }

    /// <summary>
    /// Where account-creation queries go (Verify registered a match URI and an account-creation URI); required when
    /// the RP lists account-creation attributes.
    /// </summary>
    public string? AccountCreationUrl { get; init; }

    /// <summary>How its keys are trusted; null for the default for matching services (pkix, through <c>rp-ca</c>).</summary>
    public TrustKind? Trust { get; init; }
}
