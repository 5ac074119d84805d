namespace Verify.Saml.Trust;

/// <summary>
/// How a party's keys are trusted, chosen per party (ARCHITECTURE.md, "Rules that hold everywhere"). The numbers
/// are explicit because the value is stored with the party's registration.
/// </summary>
public enum TrustKind
{
    /// <summary>
    /// The keys in the party's registered metadata are trusted as keys. Certificate dates, issuer and chain are not
    /// looked at (SAML V2.0 Metadata Interoperability Profile, key processing): what SPs with self-signed certificates need.
    /// The default for relying parties.
    /// </summary>
    Pinned = 1,

    /// <summary>
    /// The certificate chains to the federation root through the federation CA for the party's role, is in date and
    /// is not revoked where a CRL is configured (RFC 5280 6.1). The default for IDPs, matching services, the hub and
    /// the metadata signer.
    /// </summary>
    Pkix = 2,
}
