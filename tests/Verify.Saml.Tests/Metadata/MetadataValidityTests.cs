using Verify.Saml.Errors;
using Verify.Saml.Metadata;
using Verify.Saml.Tests.Trust;
using Verify.Saml.Xml;
using Verify.Testing;

namespace Verify.Saml.Tests.Metadata;

/// <summary>Federation metadata past its <c>validUntil</c>, or without one, is refused (SAML Metadata 2.3.1/2.3.2).</summary>
public sealed class MetadataValidityTests
{
    [Test]
    public void Verify_RefusesMetadataPastValidUntil()
    {
        var clock = TestPki.Clock();
        var document = SignedMetadata.Federation();
        clock.Advance(TimeSpan.FromDays(8));

        Assert.Multiple(() =>
        {
            Assert.That(Code(() => SignedMetadata.Pinned(clock).Verify(document)), Is.EqualTo(SamlErrorCode.MetadataExpired));
            Assert.That(Code(() => SignedMetadata.Pkix(clock).Verify(document)), Is.EqualTo(SamlErrorCode.MetadataExpired));
        });
    }

    [Test]
    public void VerifiedMetadata_StopsAnsweringOnceItsValidUntilPasses()
    {
        var clock = TestPki.Clock();
        var verified = SignedMetadata.Pinned(clock).Verify(SignedMetadata.Federation());
        clock.Advance(TimeSpan.FromDays(7));

        Assert.Multiple(() =>
        {
            Assert.That(verified.IsExpired, Is.True);
            Assert.That(Code(() => verified.GetEntity(MetadataTestData.IdpEntityId)), Is.EqualTo(SamlErrorCode.MetadataExpired));
            Assert.That(verified.TryGetEntity(MetadataTestData.IdpEntityId, out _), Is.False);
            Assert.That(verified.Entities, Is.Empty);
        });
    }

    [Test]
    public void VerifiedMetadata_DropsAnEntityPastItsOwnValidUntil_AndKeepsTheOthers()
    {
        var federation = MetadataTestData.Federation();
        federation = federation with { Members = [.. federation.Members.Select(m => m is EntityDescriptor { EntityId: MetadataTestData.RpEntityId } rp ? rp with { ValidUntil = TestPki.Now.AddDays(1) } : m)] };
        var document = MetadataWriter.Write(federation);
        using (var credential = SigningCredential.FromCertificate(SampleCerts.CertificateWithKey("metadata-signing")))
        {
            MetadataSigner.Sign(document, credential);
        }

        var clock = TestPki.Clock();
        var verified = SignedMetadata.Pinned(clock).Verify(SignedMetadata.Reparse(document));
        clock.Advance(TimeSpan.FromDays(2));

        Assert.Multiple(() =>
        {
            Assert.That(Code(() => verified.GetEntity(MetadataTestData.RpEntityId)), Is.EqualTo(SamlErrorCode.MetadataExpired));
            Assert.That(verified.GetEntity(MetadataTestData.IdpEntityId), Is.Not.Null);
            Assert.That(Code(() => verified.GetEntity("https://nobody.test")), Is.EqualTo(SamlErrorCode.MetadataEntityNotFound));
        });
    }

    [Test]
    public void Verify_RefusesMetadataWithoutValidUntil_UnlessTheCallerAllowsIt()
    {
        var document = MetadataWriter.Write(MetadataTestData.Federation() with { ValidUntil = null });
        using (var credential = SigningCredential.FromCertificate(SampleCerts.CertificateWithKey("metadata-signing")))
        {
            // Signed directly: MetadataSigner itself refuses to sign metadata that never expires.
            XmlSigner.Sign(document.DocumentElement!, credential);
        }

        var relaxed = new MetadataVerifierOptions { RequireValidUntil = false };

        Assert.Multiple(() =>
        {
            Assert.That(Code(() => SignedMetadata.Pinned().Verify(SignedMetadata.Reparse(document))), Is.EqualTo(SamlErrorCode.MetadataValidUntilMissing));
            Assert.That(SignedMetadata.Pinned(options: relaxed).Verify(SignedMetadata.Reparse(document)).ValidUntil, Is.Null);
        });
    }

    private static SamlErrorCode Code(Action action) => PkixCertificateValidatorTests.Outcome(action);
}
