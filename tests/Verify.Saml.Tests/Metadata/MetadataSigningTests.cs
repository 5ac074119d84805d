using System.Xml;

using Verify.Saml.Errors;
using Verify.Saml.Metadata;
using Verify.Saml.Tests.Support;
using Verify.Saml.Tests.Trust;
using Verify.Saml.Trust;
using Verify.Saml.Xml;
using Verify.Testing;

namespace Verify.Saml.Tests.Metadata;

/// <summary>Signing federation metadata with the metadata-signing key, and verifying it pinned, under PKIX and with xmlsec1.</summary>
public sealed class MetadataSigningTests
{
    [Test]
    public void Xmlsec1_VerifiesOurSignedFederationMetadata()
    {
        var document = SignedMetadata.Federation();
        using var temp = new XmlSec1.TempDir();
        var file = temp.Write("federation.xml", document.OuterXml);

        var (exit, output) = XmlSec1.Run(
            "--verify", "--pubkey-cert-pem", SampleCerts.CertificatePath("metadata-signing"),
            "--id-attr:ID", "urn:oasis:names:tc:SAML:2.0:metadata:EntitiesDescriptor", file);

        Assert.That(exit, Is.Zero, output);
        Assert.That(output, Does.Contain("OK"));
    }

    [Test]
    public void Xmlsec1_RefusesOurSignedMetadata_WithAnotherCertificate()
    {
        var document = SignedMetadata.Federation();
        using var temp = new XmlSec1.TempDir();
        var file = temp.Write("federation.xml", document.OuterXml);

        var (exit, output) = XmlSec1.Run(
            "--verify", "--pubkey-cert-pem", SampleCerts.CertificatePath("hub-signing"),
            "--id-attr:ID", "urn:oasis:names:tc:SAML:2.0:metadata:EntitiesDescriptor", file);

        Assert.That(exit, Is.Not.Zero, output);
    }

    [Test]
    public void Xmlsec1_VerifiesASignedEntityDescriptor()
    {
        var document = MetadataWriter.Write(MetadataTestData.StubIdp());
        using (var credential = SigningCredential.FromCertificate(SampleCerts.CertificateWithKey("metadata-signing")))
        {
            MetadataSigner.Sign(document, credential, TestPki.Now.AddDays(1));
        }

        using var temp = new XmlSec1.TempDir();
        var file = temp.Write("idp.xml", document.OuterXml);

        var (exit, output) = XmlSec1.Run(
            "--verify", "--pubkey-cert-pem", SampleCerts.CertificatePath("metadata-signing"),
            "--id-attr:ID", "urn:oasis:names:tc:SAML:2.0:metadata:EntityDescriptor", file);

        Assert.That(exit, Is.Zero, output);
    }

    [Test]
    public void Signer_PutsTheSignatureFirst_AndKeepsTheId()
    {
        var root = SignedMetadata.Federation().DocumentElement!;

        Assert.Multiple(() =>
        {
            Assert.That(root.ChildNodes.OfType<XmlElement>().First().LocalName, Is.EqualTo("Signature"));
            Assert.That(root.GetAttribute("ID"), Is.EqualTo("_federation"));
        });
    }

    [Test]
    public void Signer_GivesARootWithoutAnIdOne_AndSetsValidUntil()
    {
        var document = MetadataWriter.Write(MetadataTestData.Federation() with { Id = null, ValidUntil = null });
        using var credential = SigningCredential.FromCertificate(SampleCerts.CertificateWithKey("metadata-signing"));

        MetadataSigner.Sign(document, credential, TestPki.Now.AddDays(3));
        var verified = SignedMetadata.Pinned().Verify(SignedMetadata.Reparse(document));

        Assert.Multiple(() =>
        {
            Assert.That(verified.Metadata.Id, Does.StartWith("_"));
            Assert.That(verified.ValidUntil, Is.EqualTo(TestPki.Now.AddDays(3)).Within(TimeSpan.FromMilliseconds(1)));
        });
    }

    [Test]
    public void Signer_RefusesMetadataThatWouldNeverExpire_AndMetadataAlreadySigned()
    {
        using var credential = SigningCredential.FromCertificate(SampleCerts.CertificateWithKey("metadata-signing"));
        var neverExpires = MetadataWriter.Write(MetadataTestData.Federation() with { ValidUntil = null });
        var signed = SignedMetadata.Federation();

        Assert.Multiple(() =>
        {
            Assert.That(Assert.Throws<SamlException>(() => MetadataSigner.Sign(neverExpires, credential))!.Code, Is.EqualTo(SamlErrorCode.MetadataValidUntilMissing));
            Assert.That(Assert.Throws<SamlException>(() => MetadataSigner.Sign(signed, credential))!.Code, Is.EqualTo(SamlErrorCode.SignatureMultiple));
        });
    }

    [Test]
    public void Pinned_VerifiesAndFindsEntities()
    {
        var verified = SignedMetadata.Pinned().Verify(SignedMetadata.Federation());

        Assert.Multiple(() =>
        {
            Assert.That(verified.GetEntity(MetadataTestData.IdpEntityId).IdpSsoDescriptor, Is.Not.Null);
            Assert.That(verified.Entities.Count(), Is.EqualTo(4));
            Assert.That(verified.SignerCertificate, Is.EqualTo(SampleCerts.Certificate("metadata-signing")));
            Assert.That(verified.Element.Element, Is.SameAs(verified.Metadata.Source));
            Assert.That(verified.CacheDuration, Is.EqualTo(TimeSpan.FromMinutes(30)));
        });
    }

    [Test]
    public void Pkix_VerifiesWithTheKeyInfoCertificate_OnceItChainsThroughTheMetadataCa()
    {
        var verified = SignedMetadata.Pkix().Verify(SignedMetadata.Federation());

        Assert.That(verified.SignerCertificate!.Subject, Is.EqualTo(SampleCerts.Certificate("metadata-signing").Subject));
    }

    [Test]
    public void Pkix_VerifiesWithAConfiguredSigningCertificate()
    {
        var verifier = MetadataVerifier.Pkix(TestPki.Anchors(), TestPki.Clock(), signingCertificates: [SampleCerts.Certificate("metadata-signing")]);

        Assert.That(verifier.Verify(SignedMetadata.Federation()).GetEntity(MetadataTestData.RpEntityId), Is.Not.Null);
    }

    [Test]
    public void VerifiedMetadata_GivesTheKeysTrustNeeds()
    {
        var verified = SignedMetadata.Pkix().Verify(SignedMetadata.Federation());
        var idp = verified.GetEntity(MetadataTestData.IdpEntityId);

        var party = PartyTrust.FromMetadata(idp.EntityId, PartyRole.IdentityProvider, TrustKind.Pkix, idp.IdpSsoDescriptor!);
        var keys = TestPki.Policy().SigningKeys(party);

        Assert.That(keys.Keys.Select(k => k.Certificate!.Subject), Is.EqualTo(new[]
        {
            SampleCerts.Certificate("stub-idp-signing").Subject, SampleCerts.Certificate("stub-idp-signing-ecdsa").Subject,
        }));
    }

    [Test]
    public void Verify_ReadsBytes_ThroughTheHardenedParser()
    {
        var bytes = System.Text.Encoding.UTF8.GetBytes(SignedMetadata.Federation().OuterXml);

        Assert.That(SignedMetadata.Pinned().Verify(bytes).Entities.Count(), Is.EqualTo(4));
    }
}
