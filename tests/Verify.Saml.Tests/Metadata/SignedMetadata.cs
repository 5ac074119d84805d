using System.Security.Cryptography.X509Certificates;
using System.Xml;

using Microsoft.Extensions.Time.Testing;

using Verify.Saml.Metadata;
using Verify.Saml.Tests.Trust;
using Verify.Saml.Trust;
using Verify.Saml.Xml;
using Verify.Testing;

namespace Verify.Saml.Tests.Metadata;

/// <summary>The test federation's metadata, signed at test time, and verifiers over the sample PKI.</summary>
internal static class SignedMetadata
{
    /// <summary>The federation metadata signed by <paramref name="signer"/> (default: the sample metadata-signing key).</summary>
    public static XmlDocument Federation(X509Certificate2? signer = null, DateTimeOffset? validUntil = null)
    {
        var document = MetadataWriter.Write(MetadataTestData.Federation());
        using var credential = SigningCredential.FromCertificate(signer ?? SampleCerts.CertificateWithKey("metadata-signing"));
        MetadataSigner.Sign(document, credential, validUntil);
        return Reparse(document);
    }

    /// <summary>Serialises and parses again, as a consumer receives it.</summary>
    public static XmlDocument Reparse(XmlDocument document) => SecureXml.Load(document.OuterXml, SecureXmlOptions.Metadata);

    /// <summary>Pinned to the sample metadata-signing certificate.</summary>
    public static MetadataVerifier Pinned(FakeTimeProvider? clock = null, MetadataVerifierOptions? options = null) =>
        MetadataVerifier.Pinned([SampleCerts.Certificate("metadata-signing")], clock ?? TestPki.Clock(), options);

    /// <summary>PKIX over the sample anchors, the signer taken from KeyInfo.</summary>
    public static MetadataVerifier Pkix(FakeTimeProvider? clock = null, params CertificateRevocationList[] crls) =>
        MetadataVerifier.Pkix(TestPki.Anchors(crls), clock ?? TestPki.Clock());
}
