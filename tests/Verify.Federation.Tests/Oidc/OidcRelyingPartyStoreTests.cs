using Verify.Federation.Registration;
using Verify.Federation.Storage;
using Verify.Federation.Tests.Support;
using Verify.Hub.Journey.Model;

using static Verify.Federation.Tests.Support.TestParties;

namespace Verify.Federation.Tests.Oidc;

/// <summary>OIDC relying parties in the store, on SQLite and PostgreSQL: round trip, IDPs offered to them, one ID per party.</summary>
[TestFixtureSource(typeof(Providers), nameof(Providers.All))]
public sealed class OidcRelyingPartyStoreTests(FederationProvider provider) : StoreTestBase(provider)
{
    private static readonly string[] ByeUris = ["https://oidc-rp.test/bye"];
    private static readonly string[] DefaultScopes = ["openid", "verified_claims"];
    private static readonly string[] Names = ["family_name", "given_name"];

    [Test]
    public async Task AddOidcRp_ThenSnapshot_GivesEveryFieldBack_AndOffersItTheIdps()
    {
        var registration = OidcTestClients.Register(OidcTestClients.Settings() with
        {
            PostLogoutRedirectUris = ["https://oidc-rp.test/bye"],
            Sector = "https://sector.test",
            ClientSecretHash = ClientSecretHasher.Hash(new string('k', 32)),
            ServiceHomepage = "https://oidc-rp.test/",
            OtherWaysToAccess = new("Phone us", "Ffoniwch ni"),
            IdTokenSignedResponseAlg = "PS256",
        });
        await Store.AddOrUpdateAsync([], [RegisterIdp()], [OidcTestParties.Register()], [registration]);

        var snapshot = await Store.LoadSnapshotAsync();
        var rp = snapshot.FindOidcRelyingParty(OidcTestClients.ClientId)!;

        Assert.Multiple(() =>
        {
            Assert.That(rp.DisplayName.Welsh, Is.EqualTo("Gwasanaeth OIDC"));
            Assert.That(rp.Levels.ToString(), Is.EqualTo("LEVEL_2"));
            Assert.That(rp.RedirectUris, Is.EqualTo(new[] { OidcTestClients.RedirectUri }));
            Assert.That(rp.PostLogoutRedirectUris, Is.EqualTo(ByeUris));
            Assert.That(rp.Jwks, Is.EqualTo(OidcTestClients.Jwks));
            Assert.That(rp.Scopes, Is.EqualTo(DefaultScopes));
            Assert.That(rp.Claims, Is.EqualTo(Names));
            Assert.That(rp.Sector, Is.EqualTo("https://sector.test"));
            Assert.That(ClientSecretHasher.Verify(rp.ClientSecretHash!, new string('k', 32)), Is.True);
            Assert.That(rp.OtherWaysToAccess?.Welsh, Is.EqualTo("Ffoniwch ni"));
            Assert.That(rp.IdTokenSignedResponseAlg, Is.EqualTo("PS256"));
            Assert.That(snapshot.FindRelyingParty(OidcTestClients.ClientId), Is.Null, "not a SAML RP");
            Assert.That(snapshot.IdentityProvidersFor(OidcTestClients.ClientId, JourneyIntent.SignIn).Select(i => i.EntityId), Is.EqualTo(new[] { IdpId }));
            Assert.That(snapshot.OidcIdentityProvidersFor(OidcTestClients.ClientId, JourneyIntent.SignIn).Select(i => i.Issuer), Is.EqualTo(new[] { OidcTestParties.Issuer }));
            Assert.That(snapshot.Find(OidcTestClients.ClientId, IdpId, JourneyIntent.Registration)?.IdpId, Is.EqualTo(IdpId));
        });
    }

    [Test]
    public async Task ReRegistering_ChangesNothing_ChangingUpdates_AndEachChangeBumpsTheRevision()
    {
        await Store.AddOrUpdateOidcRelyingPartyAsync(OidcTestClients.Register());
        var before = await Store.GetRevisionAsync();

        var again = await Store.AddOrUpdateOidcRelyingPartyAsync(OidcTestClients.Register());
        var unchangedRevision = await Store.GetRevisionAsync();
        var changed = await Store.AddOrUpdateOidcRelyingPartyAsync(OidcTestClients.Register(OidcTestClients.Settings("LEVEL_1", "LEVEL_2")));

        Assert.Multiple(async () =>
        {
            Assert.That(again, Is.EqualTo(StoreOutcome.Unchanged));
            Assert.That(unchangedRevision, Is.EqualTo(before));
            Assert.That(changed, Is.EqualTo(StoreOutcome.Updated));
            Assert.That(await Store.GetRevisionAsync(), Is.GreaterThan(before));
            Assert.That((await Store.ListOidcRelyingPartiesAsync()).Single().Levels.ToString(), Is.EqualTo("LEVEL_1,LEVEL_2"));
        });
    }

    [Test]
    public async Task Disabled_IsNotFound_NorOfferedIdps_AndEnableBringsItBack()
    {
        await Store.AddOrUpdateAsync([], [RegisterIdp()], [], [OidcTestClients.Register()]);
        await Store.SetOidcRelyingPartyEnabledAsync(OidcTestClients.ClientId, false);
        var disabled = await Store.LoadSnapshotAsync();
        await Store.SetOidcRelyingPartyEnabledAsync(OidcTestClients.ClientId, true);
        var enabled = await Store.LoadSnapshotAsync();

        Assert.Multiple(() =>
        {
            Assert.That(disabled.FindOidcRelyingParty(OidcTestClients.ClientId), Is.Null);
            Assert.That(disabled.Find(OidcTestClients.ClientId, IdpId, JourneyIntent.SignIn), Is.Null);
            Assert.That(disabled.OidcRelyingParties, Has.Count.EqualTo(1), "still registered");
            Assert.That(enabled.FindOidcRelyingParty(OidcTestClients.ClientId), Is.Not.Null);
        });
    }

    [Test]
    public async Task Remove_DeletesIt_AndRemovingAgainFindsNothing()
    {
        await Store.AddOrUpdateOidcRelyingPartyAsync(OidcTestClients.Register());

        var removed = await Store.RemoveOidcRelyingPartyAsync(OidcTestClients.ClientId);
        var again = await Store.RemoveOidcRelyingPartyAsync(OidcTestClients.ClientId);

        Assert.Multiple(async () =>
        {
            Assert.That(removed, Is.True);
            Assert.That(again, Is.False);
            Assert.That(await Store.ListOidcRelyingPartiesAsync(), Is.Empty);
        });
    }

    [TestCase(RpId)]
    [TestCase(IdpId)]
    [TestCase(OidcTestParties.Issuer)]
    public async Task AClientIdThatIsAnotherPartysId_IsRefused(string takenId)
    {
        await Store.AddOrUpdateAsync([RegisterRp()], [RegisterIdp()], [OidcTestParties.Register()]);
        var before = await Store.GetRevisionAsync();

        var refused = Assert.ThrowsAsync<RegistrationRefusedException>(() =>
            Store.AddOrUpdateOidcRelyingPartyAsync(OidcTestClients.Register(OidcTestClients.Settings() with { ClientId = takenId })));

        Assert.Multiple(async () =>
        {
            Assert.That(refused!.Message, Does.Contain(takenId).And.Contain("already registered"));
            Assert.That(await Store.ListOidcRelyingPartiesAsync(), Is.Empty);
            Assert.That(await Store.GetRevisionAsync(), Is.EqualTo(before), "nothing written");
        });
    }

    [Test]
    public async Task AnotherPartyTakingAnOidcRpsClientId_IsRefused_InEveryRole()
    {
        var clientId = "https://shared.test/id";
        await Store.AddOrUpdateOidcRelyingPartyAsync(OidcTestClients.Register(OidcTestClients.Settings() with { ClientId = clientId }));

        Assert.Multiple(() =>
        {
            Assert.ThrowsAsync<RegistrationRefusedException>(() => Store.AddOrUpdateRelyingPartyAsync(RegisterRp(clientId)));
            Assert.ThrowsAsync<RegistrationRefusedException>(() => Store.AddOrUpdateIdentityProviderAsync(RegisterIdp(clientId)));
            Assert.ThrowsAsync<RegistrationRefusedException>(() =>
                Store.AddOrUpdateOidcIdentityProvidersAsync([OidcTestParties.Register(OidcTestParties.Settings() with { Issuer = clientId })]));
            Assert.Throws<RegistrationRefusedException>(() =>
                Store.AddOrUpdateAsync([RegisterRp()], [], [], [OidcTestClients.Register(OidcTestClients.Settings() with { ClientId = RpId })]).GetAwaiter().GetResult(),
                "the same ID twice in one call");
        });
    }
}
