using Verify.Saml.Errors;
using Verify.Saml.Metadata;
using Verify.Saml.Trust;

using static Verify.Saml.Tests.Trust.PkixCertificateValidatorTests;

namespace Verify.Saml.Tests.Trust;

/// <summary>CRL checking under PKIX (RFC 5280 6.3), with CRLs made at test time by the sample CAs; it fails closed.</summary>
public sealed class RevocationTests
{
    [Test]
    public void Pkix_RefusesACertificateRevokedByItsCa()
    {
        var crl = TestCrls.Load(TestCrls.Build("idp-ca", [TestPki.Cert("stub-idp-signing")]));

        var outcome = Validate(crl, "stub-idp-signing", PartyRole.IdentityProvider);

        Assert.That(outcome, Is.EqualTo(SamlErrorCode.TrustCertificateRevoked));
    }

    [Test]
    public void Pkix_AcceptsAnotherCertificateOfTheSameCa_WithThatCrl()
    {
        var crl = TestCrls.Load(TestCrls.Build("idp-ca", [TestPki.Cert("stub-idp-signing")]));

        Assert.That(Validate(crl, "stub-idp-signing-ecdsa", PartyRole.IdentityProvider), Is.EqualTo(SamlErrorCode.None));
    }

    [Test]
    public void Pkix_IgnoresACrlOfAnotherCa_ForThisCasCertificates()
    {
        // rp-ca's list names a serial that idp-ca also issued: it must not revoke the IDP's certificate.
        var crl = TestCrls.Load(TestCrls.Build("rp-ca", [TestPki.Cert("stub-idp-signing")]));

        Assert.That(Validate(crl, "stub-idp-signing", PartyRole.IdentityProvider), Is.EqualTo(SamlErrorCode.None));
    }

    [Test]
    public void Pkix_RefusesEveryCertificateOfTheCa_WhenItsCrlIsSignedByAnotherCa()
    {
        var forged = TestCrls.Load(TestCrls.Forged("idp-ca", signingCaStem: "rp-ca", []));

        Assert.That(Validate(forged, "stub-idp-signing", PartyRole.IdentityProvider), Is.EqualTo(SamlErrorCode.TrustRevocationListInvalid));
    }

    [Test]
    public void Pkix_RefusesEveryCertificateOfTheCa_WhenItsCrlIsStale()
    {
        var stale = TestCrls.Load(TestCrls.Build("idp-ca", [], thisUpdate: TestPki.Now.AddDays(-10), nextUpdate: TestPki.Now.AddDays(-1)));

        Assert.That(Validate(stale, "stub-idp-signing", PartyRole.IdentityProvider), Is.EqualTo(SamlErrorCode.TrustRevocationListStale));
    }

    [Test]
    public void Pkix_RefusesACrlIssuedInTheFuture()
    {
        var early = TestCrls.Load(TestCrls.Build("idp-ca", [], thisUpdate: TestPki.Now.AddDays(1), nextUpdate: TestPki.Now.AddDays(8)));

        Assert.That(Validate(early, "stub-idp-signing", PartyRole.IdentityProvider), Is.EqualTo(SamlErrorCode.TrustRevocationListInvalid));
    }

    [Test]
    public void Pkix_RefusesACrlSignedWithSha1()
    {
        var sha1 = TestCrls.Load(TestCrls.Sha1Signed("idp-ca"));

        Assert.That(Validate(sha1, "stub-idp-signing", PartyRole.IdentityProvider), Is.EqualTo(SamlErrorCode.TrustRevocationListInvalid));
    }

    [Test]
    public void Pkix_RefusesACertificateWhoseIntermediateTheRootRevoked()
    {
        var crl = TestCrls.Load(TestCrls.Build("root-ca", [TestPki.Cert("idp-ca")]));

        Assert.Multiple(() =>
        {
            Assert.That(Validate(crl, "stub-idp-signing", PartyRole.IdentityProvider), Is.EqualTo(SamlErrorCode.TrustCertificateRevoked));
            Assert.That(Validate(crl, "test-rp-signing", PartyRole.RelyingParty), Is.EqualTo(SamlErrorCode.None));
        });
    }

    [Test]
    public void Anchors_RefuseACrlFromACaOutsideTheFederation()
    {
        var outside = TestCrls.Load(TestCrls.FromOutsideCa());

        Assert.That(Outcome(() => TestPki.Anchors(outside)), Is.EqualTo(SamlErrorCode.TrustRevocationListInvalid));
    }

    [Test]
    public void Anchors_RefuseTwoCrlsForOneCa()
    {
        var first = TestCrls.Load(TestCrls.Build("idp-ca", []));
        var second = TestCrls.Load(TestCrls.Build("idp-ca", [TestPki.Cert("stub-idp-signing")]));

        Assert.That(Outcome(() => TestPki.Anchors(first, second)), Is.EqualTo(SamlErrorCode.TrustRevocationListInvalid));
    }

    [Test]
    public void TrustPolicy_DropsARevokedKeyDuringRollover_AndKeepsTheOtherOne()
    {
        var crl = TestCrls.Load(TestCrls.Build("idp-ca", [TestPki.Cert("stub-idp-signing")]));
        var party = TrustPolicyTests.Party(PartyRole.IdentityProvider, TrustKind.Pkix, "stub-idp-signing", "stub-idp-signing-ecdsa");

        var evaluation = TestPki.Policy(crl).Evaluate(party, KeyUse.Signing);

        Assert.Multiple(() =>
        {
            Assert.That(evaluation.Trusted, Is.EqualTo(new[] { TestPki.Cert("stub-idp-signing-ecdsa") }));
            Assert.That(evaluation.Rejected.Select(r => r.Code), Is.EqualTo(new[] { SamlErrorCode.TrustCertificateRevoked }));
        });
    }

    private static SamlErrorCode Validate(CertificateRevocationList crl, string stem, PartyRole role)
    {
        var validator = new PkixCertificateValidator(TestPki.Anchors(crl), TestPki.Clock());
        return Outcome(() => validator.Validate(TestPki.Cert(stem), role, KeyUse.Signing));
    }
}
