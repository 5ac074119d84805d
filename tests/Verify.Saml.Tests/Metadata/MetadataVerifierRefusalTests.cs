using System.Security.Cryptography.X509Certificates;
using System.Xml;

using Verify.Saml.Errors;
using Verify.Saml.Metadata;
using Verify.Saml.Tests.Trust;
using Verify.Saml.Xml;
using Verify.Testing;

namespace Verify.Saml.Tests.Metadata;

/// <summary>Federation metadata that is unsigned, changed, or signed by anyone but the metadata signer is refused.</summary>
public sealed class MetadataVerifierRefusalTests
{
    [Test]
    public void Verify_RefusesUnsignedMetadata()
    {
        var unsigned = SignedMetadata.Reparse(MetadataWriter.Write(MetadataTestData.Federation()));

        Assert.Multiple(() =>
        {
            Assert.That(Code(() => SignedMetadata.Pinned().Verify(unsigned)), Is.EqualTo(SamlErrorCode.SignatureMissing));
            Assert.That(Code(() => SignedMetadata.Pkix().Verify(unsigned)), Is.EqualTo(SamlErrorCode.SignatureMissing));
        });
    }

    [Test]
    public void Verify_RefusesMetadataSignedByTheHubKey()
    {
        var byHub = SignedMetadata.Federation(SampleCerts.CertificateWithKey("hub-signing"));

        Assert.Multiple(() =>
        {
            Assert.That(Code(() => SignedMetadata.Pinned().Verify(byHub)), Is.EqualTo(SamlErrorCode.SignatureNoTrustedKey));
            Assert.That(Code(() => SignedMetadata.Pkix().Verify(byHub)), Is.EqualTo(SamlErrorCode.TrustWrongRole));
        });
    }

    [Test]
    public void Verify_RefusesASelfSignedMetadataSigningLookAlike()
    {
        using var lookAlike = TestPki.SelfSigned(SampleCerts.Certificate("metadata-signing").SubjectName, TestPki.Now.AddDays(-1), TestPki.Now.AddYears(1));
        var signed = SignedMetadata.Federation(lookAlike);

        Assert.Multiple(() =>
        {
            Assert.That(Code(() => SignedMetadata.Pinned().Verify(signed)), Is.EqualTo(SamlErrorCode.SignatureNoTrustedKey));
            Assert.That(Code(() => SignedMetadata.Pkix().Verify(signed)), Is.EqualTo(SamlErrorCode.TrustChainUntrusted));
        });
    }

    [Test]
    public void Verify_RefusesAMetadataSigningLookAlikeIssuedByAnotherFederationCa()
    {
        using var lookAlike = TestPki.Issue("idp-ca", "Verify sample metadata-signing");

        Assert.That(Code(() => SignedMetadata.Pkix().Verify(SignedMetadata.Federation(lookAlike))), Is.EqualTo(SamlErrorCode.TrustWrongRole));
    }

    [Test]
    public void Verify_ImpostorCannotBorrowTheRealSignersCertificateInKeyInfo()
    {
        using var impostor = TestPki.SelfSigned(new X500DistinguishedName("CN=impostor"), TestPki.Now.AddDays(-1), TestPki.Now.AddYears(1));
        var document = SignedMetadata.Federation(impostor);
        var certificate = (XmlElement)document.GetElementsByTagName("X509Certificate", XmlNames.DSig)[0]!;
        certificate.InnerText = Convert.ToBase64String(SampleCerts.Certificate("metadata-signing").RawData);

        // The real certificate passes PKIX as a candidate, but its key did not make this signature.
        Assert.That(Code(() => SignedMetadata.Pkix().Verify(document)), Is.AnyOf(SamlErrorCode.SignatureValueInvalid, SamlErrorCode.SignatureNoTrustedKey));
    }

    [Test]
    public void Verify_RefusesMetadataChangedAfterSigning()
    {
        var document = SignedMetadata.Federation();
        var acs = (XmlElement)document.GetElementsByTagName("AssertionConsumerService", XmlNames.Metadata)[1]!;
        acs.SetAttribute("Location", "https://attacker.test/acs");

        Assert.That(Code(() => SignedMetadata.Pinned().Verify(document)), Is.EqualTo(SamlErrorCode.DigestMismatch));
    }

    [Test]
    public void Pkix_RefusesMetadataSignedWithARevokedOrExpiredSigningCertificate()
    {
        var crl = TestCrls.Load(TestCrls.Build("metadata-ca", [SampleCerts.Certificate("metadata-signing")]));
        using var expired = TestPki.Issue("metadata-ca", "Verify sample metadata-signing old", TestPki.Now.AddYears(-2), TestPki.Now.AddDays(-1));

        Assert.Multiple(() =>
        {
            Assert.That(Code(() => SignedMetadata.Pkix(null, crl).Verify(SignedMetadata.Federation())), Is.EqualTo(SamlErrorCode.TrustCertificateRevoked));
            Assert.That(Code(() => SignedMetadata.Pkix().Verify(SignedMetadata.Federation(expired))), Is.EqualTo(SamlErrorCode.TrustCertificateExpired));
        });
    }

    [Test]
    public void Pinned_AcceptsAnExpiredPinnedSigningCertificate_AsTheInteropProfileSays()
    {
        using var expired = TestPki.Issue("metadata-ca", "Verify sample metadata-signing old", TestPki.Now.AddYears(-2), TestPki.Now.AddDays(-1));
        var verifier = MetadataVerifier.Pinned([expired], TestPki.Clock());

        Assert.That(verifier.Verify(SignedMetadata.Federation(expired)).Entities.Count(), Is.EqualTo(4));
    }

    [Test]
    public void Verify_RefusesADocumentThatIsNotMetadata()
    {
        var document = SecureXml.Load("""<samlp:Response xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" ID="_r"/>""");

        Assert.That(Code(() => SignedMetadata.Pinned().Verify(document)), Is.EqualTo(SamlErrorCode.MessageUnexpectedRoot));
    }

    private static SamlErrorCode Code(Action action) => PkixCertificateValidatorTests.Outcome(action);
}
