using System.Security.Cryptography.X509Certificates;
using System.Xml;

using Verify.Saml.Errors;
using Verify.Saml.Metadata;
using Verify.Saml.Tests.Metadata;
using Verify.Saml.Trust;
using Verify.Saml.Xml;
using Verify.Testing;

namespace Verify.Saml.Tests.Trust;

/// <summary>From a party's registered certificates, trust kind and role to the keys its signatures are checked with.</summary>
public sealed class TrustPolicyTests
{
    [Test]
    public void Pinned_AcceptsAnExpiredSelfSignedCertificate_AsAKey()
    {
        using var expired = TestPki.SelfSigned(new X500DistinguishedName("CN=An RP's own key"), TestPki.Now.AddYears(-3), TestPki.Now.AddYears(-1));
        var party = Party(PartyRole.RelyingParty, TrustKind.Pinned, [new RegisteredCertificate(expired, KeyUse.Signing)]);

        var keys = new TrustPolicy(TestPki.Clock()).SigningKeys(party);

        Assert.That(keys.Keys.Select(k => k.Certificate), Is.EqualTo(new[] { expired }));
    }

    [Test]
    public void Pinned_IgnoresChainAndDates_ButStillRefusesAWeakKey()
    {
        var policy = new TrustPolicy(TestPki.Clock());

        Assert.Multiple(() =>
        {
            Assert.That(policy.SigningKeys(Party(PartyRole.IdentityProvider, TrustKind.Pinned, "expired-signing")).Keys, Has.Count.EqualTo(1));
            Assert.That(policy.SigningKeys(Party(PartyRole.IdentityProvider, TrustKind.Pinned, "not-yet-valid-signing")).Keys, Has.Count.EqualTo(1));
            Assert.That(
                Code(() => policy.SigningKeys(Party(PartyRole.IdentityProvider, TrustKind.Pinned, "weak-rsa1024-signing"))),
                Is.EqualTo(SamlErrorCode.TrustKeyTooWeak));
        });
    }

    [Test]
    public void Pkix_RefusesAnExpiredCertificateThatPinnedAccepts()
    {
        var party = Party(PartyRole.IdentityProvider, TrustKind.Pkix, "expired-signing");

        Assert.That(Code(() => TestPki.Policy().SigningKeys(party)), Is.EqualTo(SamlErrorCode.TrustCertificateExpired));
    }

    [Test]
    public void Pkix_DuringRollover_KeepsTheValidKeyAndReportsTheExpiredOne()
    {
        var party = Party(PartyRole.IdentityProvider, TrustKind.Pkix, "expired-signing", "stub-idp-signing");

        var evaluation = TestPki.Policy().Evaluate(party, KeyUse.Signing);
        var keys = TestPki.Policy().SigningKeys(party);

        Assert.Multiple(() =>
        {
            Assert.That(keys.Keys.Select(k => k.Certificate), Is.EqualTo(new[] { TestPki.Cert("stub-idp-signing") }));
            Assert.That(evaluation.Rejected.Select(r => r.Code), Is.EqualTo(new[] { SamlErrorCode.TrustCertificateExpired }));
        });
    }

    [Test]
    public void SigningKeys_WithNoSigningCertificate_FailsClosed()
    {
        var party = Party(PartyRole.IdentityProvider, TrustKind.Pkix, [new RegisteredCertificate(TestPki.Cert("stub-idp-encryption"), KeyUse.Encryption)]);

        Assert.That(Code(() => TestPki.Policy().SigningKeys(party)), Is.EqualTo(SamlErrorCode.TrustNoCertificate));
    }

    [Test]
    public void Pkix_WithoutAnchors_FailsClosed()
    {
        var party = Party(PartyRole.IdentityProvider, TrustKind.Pkix, "stub-idp-signing");

        Assert.That(Code(() => new TrustPolicy(TestPki.Clock()).SigningKeys(party)), Is.EqualTo(SamlErrorCode.TrustNotConfigured));
    }

    [Test]
    public void EncryptionCertificates_TakesEncryptionAndUnspecifiedUse_NotSigning()
    {
        var party = Party(PartyRole.IdentityProvider, TrustKind.Pkix,
        [
            new RegisteredCertificate(TestPki.Cert("stub-idp-signing"), KeyUse.Signing),
            new RegisteredCertificate(TestPki.Cert("stub-idp-encryption"), KeyUse.Unspecified),
        ]);

        var certificates = TestPki.Policy().EncryptionCertificates(party);

        Assert.That(certificates, Is.EqualTo(new[] { TestPki.Cert("stub-idp-encryption") }));
    }

    [Test]
    public void FromMetadata_RegistersEveryKeyOfTheRole_WithItsUse()
    {
        var idp = MetadataTestData.StubIdp().IdpSsoDescriptor!;

        var party = PartyTrust.FromMetadata(MetadataTestData.IdpEntityId, PartyRole.IdentityProvider, TrustKind.Pkix, idp);

        Assert.That(party.Certificates.Select(c => c.Use), Is.EqualTo(new[] { KeyUse.Signing, KeyUse.Signing, KeyUse.Encryption }));
    }

    [Test]
    public void SigningKeys_VerifyASignatureOfTheParty_AndNotOneOfAnotherParty()
    {
        var keys = TestPki.Policy().SigningKeys(Party(PartyRole.IdentityProvider, TrustKind.Pkix, "stub-idp-signing"));
        var byIdp = Signed("stub-idp-signing");
        var byRp = Signed("test-rp-signing");

        Assert.Multiple(() =>
        {
            Assert.That(XmlSignatureVerifier.Verify(byIdp, keys).Element, Is.SameAs(byIdp));
            Assert.That(Code(() => XmlSignatureVerifier.Verify(byRp, keys)), Is.EqualTo(SamlErrorCode.SignatureNoTrustedKey));
        });
    }

    [TestCase(PartyRole.RelyingParty, TrustKind.Pinned)]
    [TestCase(PartyRole.IdentityProvider, TrustKind.Pkix)]
    [TestCase(PartyRole.MatchingService, TrustKind.Pkix)]
    [TestCase(PartyRole.MetadataSigning, TrustKind.Pkix)]
    public void DefaultKindFor_FollowsTheArchitecture(PartyRole role, TrustKind expected)
    {
        Assert.That(PartyTrust.DefaultKindFor(role), Is.EqualTo(expected));
    }

    internal static PartyTrust Party(PartyRole role, TrustKind kind, params string[] signingStems) =>
        Party(role, kind, [.. signingStems.Select(s => new RegisteredCertificate(TestPki.Cert(s), KeyUse.Signing))]);

    internal static PartyTrust Party(PartyRole role, TrustKind kind, IReadOnlyList<RegisteredCertificate> certificates) =>
        new() { PartyId = "https://party.test", Role = role, Kind = kind, Certificates = certificates };

    private static XmlElement Signed(string stem)
    {
        var document = SecureXml.Load("""<m xmlns="urn:test" ID="_m1"><v>1</v></m>""");
        using var credential = SigningCredential.FromCertificate(SampleCerts.CertificateWithKey(stem));
        XmlSigner.Sign(document.DocumentElement!, credential);
        return document.DocumentElement!;
    }

    private static SamlErrorCode Code(Action action) => PkixCertificateValidatorTests.Outcome(action);
}
