using System.Security.Cryptography.X509Certificates;

using Verify.Saml.Errors;
using Verify.Saml.Metadata;

namespace Verify.Saml.Trust;

/// <summary>
/// Decides which of a party's registered certificates are trusted, by the party's <see cref="TrustKind"/>, and
/// produces the keys its signatures are checked with and the certificates to encrypt for it, failing closed.
/// </summary>
/// <remarks>
/// <para><see cref="TrustKind.Pinned"/>: each registered key is trusted as a key. Dates, issuer, chain and key
/// usage are not looked at (SAML V2.0 Metadata Interoperability Profile: the certificate is only a container for the
/// key), but the key must be strong enough.</para>
/// <para><see cref="TrustKind.Pkix"/>: <see cref="PkixCertificateValidator"/> (chain to the root through the role's
/// CA, dates, CRL, key size, key usage).</para>
/// <para>Only registered certificates are evaluated. A certificate carried in a message's KeyInfo is never trusted
/// by being there; the one place one may be evaluated is <see cref="MetadataVerifier"/> under PKIX, as a candidate
/// that must pass the same chain validation.</para>
/// </remarks>
public sealed class TrustPolicy
{
    private readonly PkixCertificateValidator? _pkix;

    /// <summary>Creates a policy.</summary>
    /// <param name="timeProvider">The clock certificate dates and CRLs are checked against.</param>
    /// <param name="anchors">The federation PKI; without it, every PKIX evaluation fails closed.</param>
    public TrustPolicy(TimeProvider timeProvider, FederationTrustAnchors? anchors = null)
    {
        ArgumentNullException.ThrowIfNull(timeProvider);
        TimeProvider = timeProvider;
        Anchors = anchors;
        _pkix = anchors is null ? null : new PkixCertificateValidator(anchors, timeProvider);
    }

    /// <summary>The clock in use.</summary>
    public TimeProvider TimeProvider { get; }

    /// <summary>The federation PKI, if configured.</summary>
    public FederationTrustAnchors? Anchors { get; }

    /// <summary>Evaluates every certificate <paramref name="party"/> registered for <paramref name="use"/>; never throws for a bad certificate.</summary>
    /// <param name="party">The party.</param>
    /// <param name="use"><see cref="KeyUse.Signing"/> or <see cref="KeyUse.Encryption"/>.</param>
    public TrustEvaluation Evaluate(PartyTrust party, KeyUse use)
    {
        ArgumentNullException.ThrowIfNull(party);
        if (use == KeyUse.Unspecified)
        {
            throw new ArgumentException("Evaluate for signing or for encryption.", nameof(use));
        }

        var trusted = new List<X509Certificate2>();
        var rejected = new List<RejectedCertificate>();
        foreach (var registered in party.CertificatesFor(use).DistinctBy(c => FederationTrustAnchors.Thumbprint(c.Certificate)))
        {
            try
            {
                Check(party, registered.Certificate, use);
                trusted.Add(registered.Certificate);
            }
            catch (SamlException ex)
            {
                rejected.Add(new RejectedCertificate(registered.Certificate, ex));
            }
        }

        return new TrustEvaluation(party, use, trusted, rejected);
    }

    /// <summary>The keys to verify <paramref name="party"/>'s signatures with (for <c>XmlSignatureVerifier</c>).</summary>
    /// <exception cref="SamlException">No registered signing certificate is trusted; the code says why.</exception>
    public TrustedKeySet SigningKeys(PartyTrust party) =>
        new(party?.PartyId ?? throw new ArgumentNullException(nameof(party)),
            [.. Evaluate(party, KeyUse.Signing).RequireTrusted().Select(TrustedSigningKey.FromCertificate)]);

    /// <summary>The certificates to encrypt for <paramref name="party"/>, in registration order; use the first.</summary>
    /// <exception cref="SamlException">No registered encryption certificate is trusted; the code says why.</exception>
    public IReadOnlyList<X509Certificate2> EncryptionCertificates(PartyTrust party) =>
        Evaluate(party, KeyUse.Encryption).RequireTrusted();

    private void Check(PartyTrust party, X509Certificate2 certificate, KeyUse use)
    {
        switch (party.Kind)
        {
            case TrustKind.Pinned:
                KeyStrength.Require(certificate);
                break;
            case TrustKind.Pkix:
                (_pkix ?? throw new SamlException(SamlErrorCode.TrustNotConfigured)).Validate(certificate, party.Role, use);
                break;
            default:
                throw new SamlException(SamlErrorCode.TrustNotConfigured, "Unknown trust kind.");
        }
    }
}
