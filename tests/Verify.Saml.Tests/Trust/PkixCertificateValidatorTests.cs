using System.Security.Cryptography.X509Certificates;

using Microsoft.Extensions.Time.Testing;

using Verify.Saml.Errors;
using Verify.Saml.Metadata;
using Verify.Saml.Trust;

namespace Verify.Saml.Tests.Trust;

/// <summary>PKIX trust (RFC 5280 6.1) over the committed sample PKI: one certificate, one role, one expected outcome.</summary>
public sealed class PkixCertificateValidatorTests
{
    private static IEnumerable<TestCaseData> SampleCases()
    {
        yield return Case("stub-idp-signing", PartyRole.IdentityProvider, KeyUse.Signing, SamlErrorCode.None);
        yield return Case("stub-idp-signing-ecdsa", PartyRole.IdentityProvider, KeyUse.Signing, SamlErrorCode.None);
        yield return Case("stub-idp-encryption", PartyRole.IdentityProvider, KeyUse.Encryption, SamlErrorCode.None);
        yield return Case("test-rp-signing", PartyRole.RelyingParty, KeyUse.Signing, SamlErrorCode.None);
        yield return Case("matching-service-signing", PartyRole.MatchingService, KeyUse.Signing, SamlErrorCode.None);
        yield return Case("hub-signing", PartyRole.Hub, KeyUse.Signing, SamlErrorCode.None);
        yield return Case("metadata-signing", PartyRole.MetadataSigning, KeyUse.Signing, SamlErrorCode.None);
        yield return Case("stub-idp-signing", PartyRole.RelyingParty, KeyUse.Signing, SamlErrorCode.TrustWrongRole);
        yield return Case("test-rp-signing", PartyRole.IdentityProvider, KeyUse.Signing, SamlErrorCode.TrustWrongRole);
        yield return Case("hub-signing", PartyRole.MetadataSigning, KeyUse.Signing, SamlErrorCode.TrustWrongRole);
        yield return Case("metadata-signing", PartyRole.Hub, KeyUse.Signing, SamlErrorCode.TrustWrongRole);
        yield return Case("tls", PartyRole.Hub, KeyUse.Signing, SamlErrorCode.TrustChainUntrusted);
        yield return Case("expired-signing", PartyRole.IdentityProvider, KeyUse.Signing, SamlErrorCode.TrustCertificateExpired);
        yield return Case("not-yet-valid-signing", PartyRole.IdentityProvider, KeyUse.Signing, SamlErrorCode.TrustCertificateNotYetValid);
        yield return Case("weak-rsa1024-signing", PartyRole.IdentityProvider, KeyUse.Signing, SamlErrorCode.TrustKeyTooWeak);
        yield return Case("idp-ca", PartyRole.IdentityProvider, KeyUse.Signing, SamlErrorCode.TrustChainUntrusted);
        yield return Case("root-ca", PartyRole.IdentityProvider, KeyUse.Signing, SamlErrorCode.TrustChainUntrusted);
        yield return Case("stub-idp-encryption", PartyRole.IdentityProvider, KeyUse.Signing, SamlErrorCode.TrustKeyUsageNotAllowed);
        yield return Case("stub-idp-signing", PartyRole.IdentityProvider, KeyUse.Encryption, SamlErrorCode.TrustKeyUsageNotAllowed);
    }

    [TestCaseSource(nameof(SampleCases))]
    public void Pkix_SampleCertificate_GetsTheExpectedOutcome(string stem, PartyRole role, KeyUse use, SamlErrorCode expected)
    {
        var validator = new PkixCertificateValidator(TestPki.Anchors(), TestPki.Clock());

        var outcome = Outcome(() => validator.Validate(TestPki.Cert(stem), role, use));

        Assert.That(outcome, Is.EqualTo(expected));
    }

    [Test]
    public void Pkix_RefusesACertificateUnderAnotherRootWhoseCaCarriesTheIdpCaName()
    {
        var validator = new PkixCertificateValidator(TestPki.Anchors(), TestPki.Clock());
        using var impostor = TestPki.IssueUnderOtherRoot("Verify sample stub-idp-signing");

        Assert.That(Outcome(() => validator.Validate(impostor, PartyRole.IdentityProvider, KeyUse.Signing)), Is.EqualTo(SamlErrorCode.TrustChainUntrusted));
    }

    [Test]
    public void Pkix_RefusesASelfSignedLookAlikeOfTheIdpCertificate()
    {
        var original = TestPki.Cert("stub-idp-signing");
        using var lookAlike = TestPki.SelfSigned(original.SubjectName, TestPki.Now.AddDays(-1), TestPki.Now.AddYears(1));
        var validator = new PkixCertificateValidator(TestPki.Anchors(), TestPki.Clock());

        Assert.That(Outcome(() => validator.Validate(lookAlike, PartyRole.IdentityProvider, KeyUse.Signing)), Is.EqualTo(SamlErrorCode.TrustChainUntrusted));
    }

    [Test]
    public void Pkix_UsesTheInjectedClock_SoACertificatePastItsEndIsExpired()
    {
        var certificate = TestPki.Cert("stub-idp-signing");
        var clock = new FakeTimeProvider(new DateTimeOffset(certificate.NotAfter.ToUniversalTime()).AddDays(1));
        var validator = new PkixCertificateValidator(TestPki.Anchors(), clock);

        Assert.That(Outcome(() => validator.Validate(certificate, PartyRole.IdentityProvider, KeyUse.Signing)), Is.EqualTo(SamlErrorCode.TrustCertificateExpired));
    }

    [Test]
    public void Pkix_WithNoCaConfiguredForTheRole_FailsClosed()
    {
        var anchors = new FederationTrustAnchors(TestPki.Cert("root-ca"), identityProviderCa: TestPki.Cert("idp-ca"));
        var validator = new PkixCertificateValidator(anchors, TestPki.Clock());

        Assert.That(Outcome(() => validator.Validate(TestPki.Cert("test-rp-signing"), PartyRole.RelyingParty, KeyUse.Signing)), Is.EqualTo(SamlErrorCode.TrustNotConfigured));
    }

    [Test]
    public void Pkix_MatchingServiceIsTrustedThroughTheRpCa_ButNotAsAnIdp()
    {
        var validator = new PkixCertificateValidator(TestPki.Anchors(), TestPki.Clock());
        var certificate = TestPki.Cert("matching-service-signing");

        Assert.Multiple(() =>
        {
            Assert.That(Outcome(() => validator.Validate(certificate, PartyRole.MatchingService, KeyUse.Signing)), Is.EqualTo(SamlErrorCode.None));
            Assert.That(Outcome(() => validator.Validate(certificate, PartyRole.IdentityProvider, KeyUse.Signing)), Is.EqualTo(SamlErrorCode.TrustWrongRole));
        });
    }

    internal static SamlErrorCode Outcome(Action action)
    {
        try
        {
            action();
            return SamlErrorCode.None;
        }
        catch (SamlException ex)
        {
            return ex.Code;
        }
    }

    private static TestCaseData Case(string stem, PartyRole role, KeyUse use, SamlErrorCode expected) =>
        new TestCaseData(stem, role, use, expected).SetName($"Pkix_{stem}_As{role}_For{use}_Is{(expected == SamlErrorCode.None ? "Trusted" : expected.ToString())}");
}
