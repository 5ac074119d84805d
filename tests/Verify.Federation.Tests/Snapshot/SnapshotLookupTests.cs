
using Verify.Federation.Tests.Support;
using Verify.Saml.Trust;
using Verify.Testing;

using static Verify.Federation.Tests.Support.TestParties;

namespace Verify.Federation.Tests.Snapshot;

/// <summary>What the hub reads from a snapshot: parties by entity ID, ACS URLs from registration, keys through trust.</summary>
public sealed class SnapshotLookupTests
{
    private readonly TestClock _clock = new();

    [SetUp]
    public void StartAtNow() => _clock.Set(Now);

    [Test]
    public void FindRelyingParty_AndFindIdentityProvider_TreatDisabledPartiesAsUnknown()
    {
        var snapshot = FederationSnapshot.FromRegistrations(
            [RegisterRp(settings: RpSettings() with { Enabled = false })],
            [RegisterIdp(settings: IdpSettings() with { Enabled = false })],
            _clock);

        Assert.Multiple(() =>
        {
            Assert.That(snapshot.FindRelyingParty(RpId), Is.Null);
            Assert.That(snapshot.FindIdentityProvider(IdpId), Is.Null);
            Assert.That(snapshot.RelyingParties.Single().EntityId, Is.EqualTo(RpId));
            Assert.That(snapshot.IdentityProviders.Single().EntityId, Is.EqualTo(IdpId));
        });
    }

    [Test]
    public void FindIdentityProvider_StillFindsATemporarilyUnavailableIdp_SoJourneysUnderWayFinish()
    {
        var snapshot = FederationSnapshot.FromRegistrations([], [RegisterIdp(settings: IdpSettings() with { TemporarilyUnavailable = true })], _clock);

        Assert.That(snapshot.FindIdentityProvider(IdpId), Is.Not.Null);
    }

    [TestCase(null, "https://rp.test/saml/acs-default")]
    [TestCase(0, "https://rp.test/saml/acs")]
    [TestCase(1, "https://rp.test/saml/acs-default")]
    [TestCase(2, null)]
    [TestCase(7, null)]
    public void AcsUrl_ComesOnlyFromRegistration(int? index, string? expected)
    {
        var rp = FederationSnapshot.FromRegistrations([RegisterRp()], [], _clock).FindRelyingParty(RpId)!;

        Assert.That(rp.AcsUrl(index), Is.EqualTo(expected), "index 2 is an HTTP-Artifact ACS, which is not registered");
    }

    [Test]
    public void Trust_GivesTheRegisteredKeys_ThroughTrustPolicy()
    {
        var snapshot = FederationSnapshot.FromRegistrations([RegisterRp()], [], _clock);
        var rp = snapshot.FindRelyingParty(RpId)!;
        var policy = new TrustPolicy(_clock);

        var signing = policy.SigningKeys(rp.Trust);
        var encryption = policy.EncryptionCertificates(rp.Trust);

        Assert.Multiple(() =>
        {
            Assert.That(rp.Trust.Kind, Is.EqualTo(TrustKind.Pinned));
            Assert.That(rp.Trust.Role, Is.EqualTo(PartyRole.RelyingParty));
            Assert.That(signing.Keys.Single().Certificate!.Thumbprint, Is.EqualTo(SampleCerts.Certificate("test-rp-signing").Thumbprint));
            Assert.That(encryption.Single().Thumbprint, Is.EqualTo(SampleCerts.Certificate("test-rp-encryption").Thumbprint));
        });
    }

    [Test]
    public void AnIdpsTrust_IsPkixForItsRole()
    {
        var idp = FederationSnapshot.FromRegistrations([], [RegisterIdp()], _clock).FindIdentityProvider(IdpId)!;

        Assert.Multiple(() =>
        {
            Assert.That(idp.Trust.Kind, Is.EqualTo(TrustKind.Pkix));
            Assert.That(idp.Trust.Role, Is.EqualTo(PartyRole.IdentityProvider));
            Assert.That(idp.Trust.Certificates, Has.Count.EqualTo(2));
        });
    }
}
