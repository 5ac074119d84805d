
using Verify.Federation.Registration;
using Verify.Federation.Tests.Support;
using Verify.Hub.Journey.Model;

using static Verify.Federation.Tests.Support.TestParties;

namespace Verify.Federation.Tests.Snapshot;

/// <summary>
/// Which IDPs a citizen may choose (VERIFY-REFERENCE.md, select IDP), as a table: one IDP setting per row, both
/// intents, against an RP that accepts LEVEL_2.
/// </summary>
public sealed class IdpAvailabilityTests
{
    private static readonly DateTimeOffset Past = Now.AddSeconds(-1);
    private static readonly DateTimeOffset Future = Now.AddDays(1);

    private static readonly object[] Rules =
    [
        Row("an enabled, available IDP for every RP", IdpSettings(), signIn: true, registration: true),
        Row("disabled", IdpSettings() with { Enabled = false }, signIn: false, registration: false),
        Row("temporarily unavailable", IdpSettings() with { TemporarilyUnavailable = true }, signIn: false, registration: false),
        Row("onboarding for another RP only", IdpSettings() with { OnboardingOnlyFor = [OtherRpId] }, signIn: false, registration: false),
        Row("onboarding for this RP among others", IdpSettings() with { OnboardingOnlyFor = [OtherRpId, RpId] }, signIn: true, registration: true),
        Row("registration ended", IdpSettings() with { ProvideRegistrationUntil = Past }, signIn: true, registration: false),
        Row("registration ends now (the instant is excluded)", IdpSettings() with { ProvideRegistrationUntil = Now }, signIn: true, registration: false),
        Row("registration ends later", IdpSettings() with { ProvideRegistrationUntil = Future }, signIn: true, registration: true),
        Row("sign-in ended", IdpSettings() with { ProvideSignInUntil = Past }, signIn: false, registration: true),
        Row("both ended", IdpSettings() with { ProvideSignInUntil = Past, ProvideRegistrationUntil = Past }, signIn: false, registration: false),
        Row("no level in common with the RP", IdpSettings("LEVEL_1"), signIn: false, registration: false),
        Row("one level in common with the RP", IdpSettings("LEVEL_2", "LEVEL_3"), signIn: true, registration: true),
    ];

    private readonly TestClock _clock = new();

    [SetUp]
    public void StartAtNow() => _clock.Set(Now);

    [TestCaseSource(nameof(Rules))]
    public void IdentityProvidersFor_AndFind_FollowTheRules(string name, IdentityProviderSettings idp, bool signIn, bool registration)
    {
        var snapshot = Snapshot([RegisterRp()], [RegisterIdp(settings: idp)]);

        Assert.Multiple(() =>
        {
            Assert.That(snapshot.IdentityProvidersFor(RpId, JourneyIntent.SignIn, Now).Any(), Is.EqualTo(signIn), $"{name}: sign in");
            Assert.That(snapshot.IdentityProvidersFor(RpId, JourneyIntent.Registration, Now).Any(), Is.EqualTo(registration), $"{name}: registration");
            Assert.That(snapshot.Find(RpId, IdpId, JourneyIntent.SignIn) is not null, Is.EqualTo(signIn), $"{name}: Find, sign in");
            Assert.That(snapshot.Find(RpId, IdpId, JourneyIntent.Registration) is not null, Is.EqualTo(registration), $"{name}: Find, registration");
        });
    }

    [Test]
    public void ADisabledRp_IsOfferedNoIdp()
    {
        var snapshot = Snapshot([RegisterRp(settings: RpSettings() with { Enabled = false })], [RegisterIdp()]);

        Assert.Multiple(() =>
        {
            Assert.That(snapshot.IdentityProvidersFor(RpId, JourneyIntent.SignIn, Now), Is.Empty);
            Assert.That(snapshot.Find(RpId, IdpId, JourneyIntent.SignIn), Is.Null);
            Assert.That(snapshot.IdentityProvidersFor("https://unknown.test/saml", JourneyIntent.SignIn, Now), Is.Empty);
        });
    }

    [Test]
    public void Find_OffersTheIdpsCertifiedLevels_NotJustTheCommonOnes()
    {
        var snapshot = Snapshot([RegisterRp()], [RegisterIdp(settings: IdpSettings("LEVEL_1", "LEVEL_2"))]);

        var offer = snapshot.Find(RpId, IdpId, JourneyIntent.Registration);

        Assert.Multiple(() =>
        {
            Assert.That(offer!.IdpId, Is.EqualTo(IdpId));
            Assert.That(offer.CertifiedLevels.ToString(), Is.EqualTo("LEVEL_1,LEVEL_2"));
        });
    }

    [Test]
    public void Find_UsesTheSnapshotsClock()
    {
        var snapshot = Snapshot([RegisterRp()], [RegisterIdp(settings: IdpSettings() with { ProvideSignInUntil = Future })]);

        var before = snapshot.Find(RpId, IdpId, JourneyIntent.SignIn);
        _clock.Advance(TimeSpan.FromDays(2));

        Assert.Multiple(() =>
        {
            Assert.That(before, Is.Not.Null);
            Assert.That(snapshot.Find(RpId, IdpId, JourneyIntent.SignIn), Is.Null);
        });
    }

    [Test]
    public void IdentityProvidersFor_IsInDisplayOrder_ThenName_ThenEntityId()
    {
        var snapshot = Snapshot(
            [RegisterRp()],
            [
                RegisterIdp("https://z.test/saml", IdpSettings() with { DisplayOrder = 0, DisplayName = new("Zed") }),
                RegisterIdp("https://b.test/saml", IdpSettings() with { DisplayOrder = 1, DisplayName = new("Same") }),
                RegisterIdp("https://a.test/saml", IdpSettings() with { DisplayOrder = 1, DisplayName = new("same") }),
                RegisterIdp("https://y.test/saml", IdpSettings() with { DisplayOrder = 0, DisplayName = new("Apple") }),
                RegisterIdp("https://x.test/saml", IdpSettings() with { DisplayOrder = -1, DisplayName = new("Last alphabetically") }),
            ]);

        var order = snapshot.IdentityProvidersFor(RpId, JourneyIntent.SignIn, Now).Select(i => i.EntityId);

        Assert.That(order, Is.EqualTo(new List<string> { "https://x.test/saml", "https://y.test/saml", "https://z.test/saml", "https://a.test/saml", "https://b.test/saml" }));
    }

    private FederationSnapshot Snapshot(RelyingPartyRegistration[] rps, IdentityProviderRegistration[] idps) =>
        FederationSnapshot.FromRegistrations(rps, idps, _clock);

    private static object[] Row(string name, IdentityProviderSettings idp, bool signIn, bool registration) => [name, idp, signIn, registration];
}
