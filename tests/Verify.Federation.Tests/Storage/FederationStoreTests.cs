using Verify.Federation.Registration;
using Verify.Federation.Storage;
using Verify.Federation.Tests.Support;
using Verify.Hub.Journey.Assurance;
using Verify.Saml.Metadata;
using Verify.Saml.Trust;

using static Verify.Federation.Tests.Support.TestParties;

namespace Verify.Federation.Tests.Storage;

/// <summary>Adding, updating, removing and reading parties, on SQLite and PostgreSQL.</summary>
[TestFixtureSource(typeof(Providers), nameof(Providers.All))]
public sealed class FederationStoreTests(FederationProvider provider) : StoreTestBase(provider)
{
    [Test]
    public async Task AddRelyingParty_ThenGet_GivesBackWhatWasRegistered()
    {
        var registration = RegisterRp(settings: RpSettings("LEVEL_1", "LEVEL_2") with
        {
            ServiceHomepage = "https://rp.test/start",
            OtherWaysToAccess = new("Call us", "Ffoniwch ni"),
            MatchingServiceEntityId = "https://ms.test/saml",
        });

        var outcome = await Store.AddOrUpdateRelyingPartyAsync(registration);
        var rp = await Store.GetRelyingPartyAsync(RpId);

        Assert.Multiple(() =>
        {
            Assert.That(outcome, Is.EqualTo(StoreOutcome.Added));
            Assert.That(rp!.DisplayName, Is.EqualTo(registration.DisplayName));
            Assert.That(rp.Levels, Is.EqualTo(LevelOfAssuranceSet.Of(LevelOfAssurance.Level1, LevelOfAssurance.Level2)));
            Assert.That(rp.TrustKind, Is.EqualTo(TrustKind.Pinned));
            Assert.That(rp.AssertionConsumerServices, Is.EqualTo(registration.AssertionConsumerServices));
            Assert.That(rp.Certificates.Select(c => c.Sha256Thumbprint), Is.EqualTo(registration.Certificates.Select(c => c.Sha256Thumbprint)));
            Assert.That(rp.MetadataXml.ToArray(), Is.EqualTo(registration.MetadataXml.ToArray()));
            Assert.That(rp.OtherWaysToAccess, Is.EqualTo(new Parties.BilingualText("Call us", "Ffoniwch ni")));
            Assert.That(rp.MatchingServiceEntityId, Is.EqualTo("https://ms.test/saml"));
            Assert.That(rp.CreatedAt, Is.EqualTo(Now));
            Assert.That(rp.Trust.CertificatesFor(KeyUse.Encryption).Single().Certificate.Thumbprint, Is.EqualTo(Verify.Testing.SampleCerts.Certificate("test-rp-encryption").Thumbprint));
        });
    }

    [Test]
    public async Task AddIdentityProvider_ThenGet_GivesBackWhatWasRegistered()
    {
        var until = Now.AddDays(30).AddTicks(1234560);
        var registration = RegisterIdp(settings: IdpSettings() with { DisplayOrder = 2, OnboardingOnlyFor = [RpId], ProvideRegistrationUntil = until, TemporarilyUnavailable = true });

        await Store.AddOrUpdateIdentityProviderAsync(registration);
        var idp = await Store.GetIdentityProviderAsync(IdpId);

        Assert.Multiple(() =>
        {
            Assert.That(idp!.SingleSignOnUrl, Is.EqualTo("https://idp.test/sso"));
            Assert.That(idp.TrustKind, Is.EqualTo(TrustKind.Pkix));
            Assert.That(idp.DisplayOrder, Is.EqualTo(2));
            Assert.That(idp.OnboardingOnlyFor, Is.EqualTo(new List<string> { RpId }));
            Assert.That(idp.ProvideRegistrationUntil, Is.EqualTo(until), "instants round-trip exactly on both providers");
            Assert.That(idp.ProvideSignInUntil, Is.Null);
            Assert.That(idp.TemporarilyUnavailable, Is.True);
        });
    }

    [Test]
    public async Task AddingTheSameRegistrationAgain_IsUnchanged_AndKeepsTheRevision()
    {
        await Store.AddOrUpdateRelyingPartyAsync(RegisterRp());
        var revision = await Store.GetRevisionAsync();

        var outcome = await Store.AddOrUpdateRelyingPartyAsync(RegisterRp());

        await Assert.MultipleAsync(async () =>
        {
            Assert.That(outcome, Is.EqualTo(StoreOutcome.Unchanged));
            Assert.That(await Store.GetRevisionAsync(), Is.EqualTo(revision));
        });
    }

    [Test]
    public async Task Updating_ChangesTheRegistration_KeepsCreatedAt_AndBumpsTheRevision()
    {
        await Store.AddOrUpdateRelyingPartyAsync(RegisterRp());
        var revision = await Store.GetRevisionAsync();
        Clock.Advance(TimeSpan.FromHours(1));

        var outcome = await Store.AddOrUpdateRelyingPartyAsync(RegisterRp(settings: RpSettings("LEVEL_1")));
        var rp = await Store.GetRelyingPartyAsync(RpId);

        await Assert.MultipleAsync(async () =>
        {
            Assert.That(outcome, Is.EqualTo(StoreOutcome.Updated));
            Assert.That(rp!.Levels, Is.EqualTo(LevelOfAssuranceSet.Of(LevelOfAssurance.Level1)));
            Assert.That(rp.CreatedAt, Is.EqualTo(Now));
            Assert.That(rp.UpdatedAt, Is.EqualTo(Now.AddHours(1)));
            Assert.That(await Store.GetRevisionAsync(), Is.EqualTo(revision + 1));
            Assert.That((await Store.ListRelyingPartiesAsync()).Count, Is.EqualTo(1));
        });
    }

    [Test]
    public async Task ListIdentityProviders_IsInDisplayOrder()
    {
        await Store.AddOrUpdateAsync(
            [],
            [
                RegisterIdp("https://b.test/saml", IdpSettings() with { DisplayOrder = 1, DisplayName = new("Beta") }),
                RegisterIdp("https://a.test/saml", IdpSettings() with { DisplayOrder = 2, DisplayName = new("Alpha") }),
                RegisterIdp("https://c.test/saml", IdpSettings() with { DisplayOrder = 1, DisplayName = new("alpha") }),
            ]);

        var list = await Store.ListIdentityProvidersAsync();

        Assert.That(list.Select(i => i.EntityId), Is.EqualTo(new List<string> { "https://c.test/saml", "https://b.test/saml", "https://a.test/saml" }));
    }
}
