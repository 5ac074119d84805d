namespace Verify.Saml.Trust;

/// <summary>
/// What a party is in the federation. Under <see cref="TrustKind.Pkix"/> the role decides which federation CA must
/// have issued its certificates (<see cref="FederationTrustAnchors.CaFor"/>), so that a certificate issued for one
/// role can never act in another. The numbers are explicit because the value is stored.
/// </summary>
public enum PartyRole
{
    /// <summary>The hub itself; certificates from <c>hub-ca</c>.</summary>
    Hub = 1,

    /// <summary>A certified identity provider; certificates from <c>idp-ca</c>.</summary>
    IdentityProvider = 2,

    /// <summary>A department's service; certificates from <c>rp-ca</c>.</summary>
    RelyingParty = 3,

    /// <summary>A department's matching service; certificates from <c>rp-ca</c>, as in GOV.UK Verify.</summary>
    MatchingService = 4,

    /// <summary>The operator's offline federation metadata signer; certificates from <c>metadata-ca</c>.</summary>
    MetadataSigning = 5,
}
