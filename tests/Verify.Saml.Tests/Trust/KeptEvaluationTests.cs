using System.Security.Cryptography.X509Certificates;

using Verify.Saml.Errors;
using Verify.Saml.Metadata;
using Verify.Saml.Trust;

namespace Verify.Saml.Tests.Trust;

/// <summary>
/// ADR 0027: a party's evaluation is kept, so its keys are parsed and its chain built once, not per message; yet no
/// certificate is trusted after it expires (PKIX), nor before the clock says, and a changed registration is evaluated
/// afresh.
/// </summary>
public sealed class KeptEvaluationTests
{
    [Test]
    public void SigningKeys_AreParsedOnce_AndServeEveryMessageUntilTheyAreReevaluated()
    {
        var clock = TestPki.Clock();
        var policy = new TrustPolicy(clock, TestPki.Anchors());
        var party = TrustPolicyTests.Party(PartyRole.IdentityProvider, TrustKind.Pkix, "stub-idp-signing");

        var first = policy.SigningKeys(party);
        clock.Advance(TimeSpan.FromSeconds(59));
        var second = policy.SigningKeys(party);
        clock.Advance(TimeSpan.FromSeconds(2));
        var third = policy.SigningKeys(party);

        Assert.Multiple(() =>
        {
            Assert.That(second, Is.SameAs(first), "within the minute: the same parsed keys");
            Assert.That(third, Is.Not.SameAs(first), "after it: evaluated again");
            Assert.That(third.Keys.Select(k => k.Thumbprint), Is.EqualTo(first.Keys.Select(k => k.Thumbprint)));
        });
    }

    [Test]
    public void Pkix_ACertificateIsNotTrustedPastItsExpiry_EvenWithinTheMinute()
    {
        var clock = TestPki.Clock();
        var policy = new TrustPolicy(clock, TestPki.Anchors());
        using var expiring = TestPki.Issue("idp-ca", "CN=Expiring IDP key", notBefore: TestPki.Now.AddDays(-1), notAfter: TestPki.Now.AddSeconds(30));
        var party = TrustPolicyTests.Party(PartyRole.IdentityProvider, TrustKind.Pkix, [new RegisteredCertificate(expiring, KeyUse.Signing)]);

        var before = policy.SigningKeys(party);
        clock.Advance(TimeSpan.FromSeconds(31));

        Assert.Multiple(() =>
        {
            Assert.That(before.Keys, Has.Count.EqualTo(1));
            Assert.That(Code(() => policy.SigningKeys(party)), Is.EqualTo(SamlErrorCode.TrustCertificateExpired));
        });
    }

    [Test]
    public void Pkix_ACertificateNotYetValid_IsTrustedOnceReevaluatedAfterItsStart()
    {
        var clock = TestPki.Clock();
        var policy = new TrustPolicy(clock, TestPki.Anchors());
        using var next = TestPki.Issue("idp-ca", "CN=Next IDP key", notBefore: TestPki.Now.AddSeconds(10), notAfter: TestPki.Now.AddYears(1));
        var party = TrustPolicyTests.Party(PartyRole.IdentityProvider, TrustKind.Pkix,
            [new RegisteredCertificate(TestPki.Cert("stub-idp-signing"), KeyUse.Signing), new RegisteredCertificate(next, KeyUse.Signing)]);

        var during = policy.SigningKeys(party);
        clock.Advance(policy.ReevaluateAfter);
        var after = policy.SigningKeys(party);

        Assert.Multiple(() =>
        {
            Assert.That(during.Keys.Select(k => k.Certificate), Is.EqualTo(new[] { TestPki.Cert("stub-idp-signing") }));
            Assert.That(after.Keys.Select(k => k.Certificate), Is.EqualTo(new X509Certificate2?[] { TestPki.Cert("stub-idp-signing"), next }));
        });
    }

    [Test]
    public void AClockGoneBackBeforeTheEvaluation_EvaluatesAgain()
    {
        var clock = new WallClock { Now = TestPki.Now };
        var policy = new TrustPolicy(clock, TestPki.Anchors());
        using var young = TestPki.Issue("idp-ca", "CN=Young IDP key", notBefore: TestPki.Now.AddSeconds(-5), notAfter: TestPki.Now.AddYears(1));
        var party = TrustPolicyTests.Party(PartyRole.IdentityProvider, TrustKind.Pkix, [new RegisteredCertificate(young, KeyUse.Signing)]);

        Assert.That(policy.SigningKeys(party).Keys, Has.Count.EqualTo(1));
        clock.Now = TestPki.Now.AddSeconds(-10); // a host's clock corrected backwards

        Assert.That(Code(() => policy.SigningKeys(party)), Is.EqualTo(SamlErrorCode.TrustCertificateNotYetValid));
    }

    [Test]
    public void AChangedRegistration_IsAnotherParty_EvaluatedAfresh()
    {
        var policy = new TrustPolicy(TestPki.Clock());
        var party = TrustPolicyTests.Party(PartyRole.RelyingParty, TrustKind.Pinned, "test-rp-signing");
        var rolled = party with { Certificates = [new RegisteredCertificate(TestPki.Cert("stub-idp-signing"), KeyUse.Signing)] };

        var before = policy.SigningKeys(party);
        var after = policy.SigningKeys(rolled);

        Assert.Multiple(() =>
        {
            Assert.That(before.Keys.Single().Certificate, Is.SameAs(TestPki.Cert("test-rp-signing")));
            Assert.That(after.Keys.Single().Certificate, Is.SameAs(TestPki.Cert("stub-idp-signing")));
        });
    }

    [Test]
    public void AFailedEvaluation_IsNotKept_SoAFixedClockOrRegistrationIsSeenAtOnce()
    {
        var clock = TestPki.Clock();
        var policy = new TrustPolicy(clock, TestPki.Anchors());
        using var next = TestPki.Issue("idp-ca", "CN=Only IDP key", notBefore: TestPki.Now.AddSeconds(10), notAfter: TestPki.Now.AddYears(1));
        var party = TrustPolicyTests.Party(PartyRole.IdentityProvider, TrustKind.Pkix, [new RegisteredCertificate(next, KeyUse.Signing)]);

        Assert.That(Code(() => policy.SigningKeys(party)), Is.EqualTo(SamlErrorCode.TrustCertificateNotYetValid));
        clock.Advance(TimeSpan.FromSeconds(11));

        Assert.That(policy.SigningKeys(party).Keys.Single().Certificate, Is.SameAs(next));
    }

    [Test]
    public void EncryptionKey_IsTheFirstTrustedEncryptionCertificates_KeptAndNotDisposedByItsUser()
    {
        var policy = new TrustPolicy(TestPki.Clock());
        var party = TrustPolicyTests.Party(PartyRole.RelyingParty, TrustKind.Pinned,
            [new RegisteredCertificate(TestPki.Cert("test-rp-encryption"), KeyUse.Encryption), new RegisteredCertificate(TestPki.Cert("stub-idp-encryption"), KeyUse.Encryption)]);

        var first = policy.EncryptionKey(party);
        first.Dispose();
        var second = policy.EncryptionKey(party);

        Assert.Multiple(() =>
        {
            Assert.That(second, Is.SameAs(first));
            Assert.That(second.Certificate, Is.SameAs(TestPki.Cert("test-rp-encryption")));
            Assert.That(second.PublicKey.KeySize, Is.EqualTo(2048), "still usable after its user disposed it");
        });
    }

    [Test]
    public void ZeroReevaluateAfter_KeepsNothing()
    {
        var policy = new TrustPolicy(TestPki.Clock(), reevaluateAfter: TimeSpan.Zero);
        var party = TrustPolicyTests.Party(PartyRole.RelyingParty, TrustKind.Pinned, "test-rp-signing");

        var first = policy.SigningKeys(party);
        var second = policy.SigningKeys(party);

        Assert.That(second, Is.Not.SameAs(first));
    }

    private static SamlErrorCode Code(Action action) => PkixCertificateValidatorTests.Outcome(action);

    /// <summary>A clock that can be set back, as a host's can be (FakeTimeProvider refuses to).</summary>
    private sealed class WallClock : TimeProvider
    {
        public DateTimeOffset Now { get; set; }

        public override DateTimeOffset GetUtcNow() => Now;
    }
}
