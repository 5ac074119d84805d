using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Xml;

using Verify.Saml.Errors;
using Verify.Saml.Trust;
using Verify.Saml.Xml;

namespace Verify.Saml.Metadata;

/// <summary>
/// Loads signed federation metadata and returns it only when it is signed by the metadata-signing key and in date:
/// the signature is checked first (<see cref="XmlSignatureVerifier"/>, our profile), then the verified element is
/// read strictly (<see cref="MetadataReader"/>), then <c>validUntil</c> is checked against the injected clock.
/// </summary>
/// <remarks>
/// Two ways to trust the signer, as for any party (<see cref="TrustKind"/>):
/// <list type="bullet">
/// <item><see cref="Pinned"/>: the configured metadata-signing certificate(s) are trusted as keys.</item>
/// <item><see cref="Pkix"/>: the signing certificate must chain to the federation root through <c>metadata-ca</c>,
/// be in date and not revoked. It is the configured certificate(s) when given; otherwise the certificate(s) in the
/// signature's KeyInfo. This is the one place KeyInfo is used: its certificates are candidates that must pass PKIX
/// validation for the metadata-signing role before their keys verify anything, and are never trusted by being
/// there.</item>
/// </list>
/// </remarks>
public sealed class MetadataVerifier
{
    /// <summary>The party ID the metadata signer's keys are reported under.</summary>
    public const string SignerPartyId = "federation-metadata-signer";

    private const int MaxKeyInfoCertificates = 4;

    private readonly TrustPolicy _policy;
    private readonly TrustKind _kind;
    private readonly IReadOnlyList<X509Certificate2> _certificates;
    private readonly MetadataReader _reader;

    private MetadataVerifier(TrustPolicy policy, TrustKind kind, IReadOnlyList<X509Certificate2> certificates, MetadataVerifierOptions? options)
    {
        _policy = policy;
        _kind = kind;
        _certificates = certificates;
        Options = options ?? MetadataVerifierOptions.Default;
        _reader = new MetadataReader(Options.Reader);
    }

    /// <summary>The options in force.</summary>
    public MetadataVerifierOptions Options { get; }

    /// <summary>A verifier that trusts the given metadata-signing certificate(s) as keys; their dates are not checked.</summary>
    public static MetadataVerifier Pinned(IEnumerable<X509Certificate2> signingCertificates, TimeProvider timeProvider, MetadataVerifierOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(signingCertificates);
        List<X509Certificate2> certificates = [.. signingCertificates];
        return certificates.Count > 0
            ? new MetadataVerifier(new TrustPolicy(timeProvider), TrustKind.Pinned, certificates, options)
            : throw new ArgumentException("At least one metadata-signing certificate is needed.", nameof(signingCertificates));
    }

    /// <summary>A verifier that requires the signer's certificate to chain to the root through <c>metadata-ca</c>.</summary>
    /// <param name="anchors">The federation PKI; its metadata CA must be configured.</param>
    /// <param name="timeProvider">The clock for certificate dates, CRLs and <c>validUntil</c>.</param>
    /// <param name="options">Requirements; <see cref="MetadataVerifierOptions.Default"/> when null.</param>
    /// <param name="signingCertificates">The metadata-signing certificate(s), or none to take the candidates from KeyInfo.</param>
    public static MetadataVerifier Pkix(FederationTrustAnchors anchors, TimeProvider timeProvider, MetadataVerifierOptions? options = null, IEnumerable<X509Certificate2>? signingCertificates = null)
    {
        ArgumentNullException.ThrowIfNull(anchors);
        return new MetadataVerifier(new TrustPolicy(timeProvider, anchors), TrustKind.Pkix, [.. signingCertificates ?? []], options);
    }

    /// <summary>Parses (hardened, <see cref="SecureXml"/>) and verifies metadata bytes.</summary>
    /// <exception cref="SamlException">The metadata is refused; the code says why.</exception>
    public VerifiedMetadata Verify(ReadOnlySpan<byte> xml) => Verify(SecureXml.Load(xml, Options.Xml));

    /// <summary>Verifies a parsed metadata document.</summary>
    /// <exception cref="SamlException">The metadata is refused; the code says why.</exception>
    public VerifiedMetadata Verify(XmlDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var root = document.DocumentElement ?? throw new SamlException(SamlErrorCode.XmlEmpty);
        if (root.NamespaceURI != XmlNames.Metadata || root.LocalName is not ("EntitiesDescriptor" or "EntityDescriptor"))
        {
            throw new SamlException(SamlErrorCode.MessageUnexpectedRoot, "Expected md:EntitiesDescriptor or md:EntityDescriptor.");
        }

        var candidates = _kind == TrustKind.Pkix && _certificates.Count == 0 ? KeyInfoCandidates(root) : _certificates;
        var signer = new PartyTrust
        {
            PartyId = SignerPartyId,
            Role = PartyRole.MetadataSigning,
            Kind = _kind,
            Certificates = [.. candidates.Select(c => new RegisteredCertificate(c, KeyUse.Signing))],
        };
        var verified = XmlSignatureVerifier.Verify(root, _policy.SigningKeys(signer));

        // Read only the element whose signature verified.
        var metadata = _reader.Read(verified.Element);
        if (metadata.ValidUntil is null && Options.RequireValidUntil)
        {
            throw new SamlException(SamlErrorCode.MetadataValidUntilMissing);
        }

        var result = new VerifiedMetadata(metadata, verified, _policy.TimeProvider);
        return result.IsExpired ? throw new SamlException(SamlErrorCode.MetadataExpired) : result;
    }

    /// <summary>The certificates in the signature's KeyInfo: candidates only, validated under PKIX before use.</summary>
    private static List<X509Certificate2> KeyInfoCandidates(XmlElement root)
    {
        var signature = XmlSignatureVerifier.FindEnvelopedSignature(root);
        var candidates = new List<X509Certificate2>();
        foreach (XmlNode node in signature.SelectNodes("*[local-name()='KeyInfo']/*[local-name()='X509Data']/*[local-name()='X509Certificate']")!)
        {
            if (node.NamespaceURI != XmlNames.DSig || node.ParentNode!.NamespaceURI != XmlNames.DSig || node.ParentNode.ParentNode!.NamespaceURI != XmlNames.DSig)
            {
                continue;
            }

            if (candidates.Count == MaxKeyInfoCertificates)
            {
                throw new SamlException(SamlErrorCode.SignatureMalformed, "Too many certificates in KeyInfo.");
            }

            try
            {
                candidates.Add(X509CertificateLoader.LoadCertificate(Convert.FromBase64String(node.InnerText)));
            }
            catch (Exception ex) when (ex is FormatException or CryptographicException)
            {
                throw new SamlException(SamlErrorCode.SignatureMalformed, "A KeyInfo certificate does not decode.", ex);
            }
        }

        return candidates.Count > 0
            ? candidates
            : throw new SamlException(SamlErrorCode.SignatureNoTrustedKey, "No certificate in KeyInfo to validate, and none configured.");
    }
}
