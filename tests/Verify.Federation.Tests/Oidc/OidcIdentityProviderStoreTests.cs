using Verify.Federation.Registration;
using Verify.Federation.Storage;
using Verify.Federation.Tests.Support;
using Verify.Hub.Journey.Model;

using static Verify.Federation.Tests.Support.TestParties;

namespace Verify.Federation.Tests.Oidc;

/// <summary>OIDC IDPs in the store, on SQLite and PostgreSQL: round trip, offered beside SAML IDPs, one ID per party.</summary>
[TestFixtureSource(typeof(Providers), nameof(Providers.All))]
public sealed class OidcIdentityProviderStoreTests(FederationProvider provider) : StoreTestBase(provider)
{
    [Test]
    public async Task AddOidcIdp_ThenSnapshot_GivesItBackAndOffersItBesideTheSamlIdp()
    {
        var registration = OidcTestParties.Register(OidcTestParties.Settings() with { PinnedJwks = OidcTestParties.StubJwks(), DisplayOrder = -1 });
        await Store.AddOrUpdateAsync([RegisterRp()], [RegisterIdp()], [registration]);

        var snapshot = await Store.LoadSnapshotAsync();
        var idp = snapshot.FindOidcIdentityProvider(OidcTestParties.Issuer)!;
        var offer = snapshot.Find(RpId, OidcTestParties.Issuer, JourneyIntent.Registration);

        Assert.Multiple(() =>
        {
            Assert.That(idp.ClientId, Is.EqualTo(OidcTestParties.ClientId));
            Assert.That(idp.DisplayName.Welsh, Is.EqualTo("IDP OIDC"));
            Assert.That(idp.PinnedJwks, Is.EqualTo(registration.PinnedJwks));
            Assert.That(idp.Levels.ToString(), Is.EqualTo("LEVEL_1,LEVEL_2"));
            Assert.That(offer?.IdpId, Is.EqualTo(OidcTestParties.Issuer));
            Assert.That(snapshot.OidcIdentityProvidersFor(RpId, JourneyIntent.SignIn).Select(i => i.Issuer), Is.EqualTo(new[] { OidcTestParties.Issuer }));
            Assert.That(snapshot.IdentityProvidersFor(RpId, JourneyIntent.SignIn).Select(i => i.EntityId), Is.EqualTo(new[] { IdpId }));
        });
    }

    [Test]
    public async Task ReRegistering_ChangesNothing_AndChangingUpdates()
    {
        await Store.AddOrUpdateOidcIdentityProvidersAsync([OidcTestParties.Register()]);

        var again = await Store.AddOrUpdateOidcIdentityProvidersAsync([OidcTestParties.Register()]);
        var changed = await Store.AddOrUpdateOidcIdentityProvidersAsync([OidcTestParties.Register(OidcTestParties.Settings("LEVEL_2"))]);
        var stored = (await Store.ListOidcIdentityProvidersAsync()).Single();

        Assert.Multiple(() =>
        {
            Assert.That(again.Single().Outcome, Is.EqualTo(StoreOutcome.Unchanged));
            Assert.That(changed.Single().Outcome, Is.EqualTo(StoreOutcome.Updated));
            Assert.That(stored.Levels.ToString(), Is.EqualTo("LEVEL_2"));
        });
    }

    [Test]
    public async Task Scopes_RoundTrip_AndChangingThemUpdates_WhileNoneKeepsTheEarlierHash()
    {
        var plain = OidcTestParties.Register();
        var withScopes = OidcTestParties.Register(OidcTestParties.Settings() with { Scopes = ["profile", "address", "openid", "profile"] });
        await Store.AddOrUpdateOidcIdentityProvidersAsync([plain]);

        var changed = await Store.AddOrUpdateOidcIdentityProvidersAsync([withScopes]);
        var stored = (await Store.LoadSnapshotAsync()).FindOidcIdentityProvider(OidcTestParties.Issuer)!;

        Assert.Multiple(() =>
        {
            Assert.That(changed.Single().Outcome, Is.EqualTo(StoreOutcome.Updated));
            Assert.That(stored.Scopes, Is.EqualTo(OidcTestParties.ProfileAndAddress), "sorted, once each, openid implied");
            Assert.That(withScopes.ContentHash, Is.Not.EqualTo(plain.ContentHash));
            Assert.That(OidcTestParties.Register(OidcTestParties.Settings() with { Scopes = [] }).ContentHash, Is.EqualTo(plain.ContentHash));
        });
    }

    [Test]
    public async Task DisabledOrUnavailable_IsNotOffered()
    {
        await Store.AddOrUpdateAsync([RegisterRp()], [], [OidcTestParties.Register(OidcTestParties.Settings() with { TemporarilyUnavailable = true })]);
        var unavailable = await Store.LoadSnapshotAsync();
        await Store.AddOrUpdateOidcIdentityProvidersAsync([OidcTestParties.Register(OidcTestParties.Settings() with { Enabled = false })]);
        var disabled = await Store.LoadSnapshotAsync();

        Assert.Multiple(() =>
        {
            Assert.That(unavailable.Find(RpId, OidcTestParties.Issuer, JourneyIntent.SignIn), Is.Null);
            Assert.That(unavailable.FindOidcIdentityProvider(OidcTestParties.Issuer), Is.Not.Null, "journeys under way still find it");
            Assert.That(disabled.FindOidcIdentityProvider(OidcTestParties.Issuer), Is.Null);
        });
    }

    [Test]
    public async Task AnIssuerThatIsASamlPartysEntityId_IsRefused_BothWays()
    {
        await Store.AddOrUpdateIdentityProviderAsync(RegisterIdp());
        var asIssuer = OidcTestParties.Register(OidcTestParties.Settings() with { Issuer = IdpId });
        await Store.AddOrUpdateOidcIdentityProvidersAsync([OidcTestParties.Register()]);

        Assert.Multiple(() =>
        {
            Assert.ThrowsAsync<RegistrationRefusedException>(() => Store.AddOrUpdateOidcIdentityProvidersAsync([asIssuer]));
            Assert.ThrowsAsync<RegistrationRefusedException>(() => Store.AddOrUpdateRelyingPartyAsync(RegisterRp(OidcTestParties.Issuer)));
        });
    }
}
