using Verify.Federation.Registration;
using Verify.Federation.Storage;
using Verify.Federation.Tests.Support;

using static Verify.Federation.Tests.Support.TestParties;

namespace Verify.Federation.Tests.Storage;

/// <summary>Removing, enabling and disabling parties, and the one-role rule, on SQLite and PostgreSQL.</summary>
[TestFixtureSource(typeof(Providers), nameof(Providers.All))]
public sealed class FederationStoreChangeTests(FederationProvider provider) : StoreTestBase(provider)
{
    [Test]
    public async Task Remove_DeletesTheParty_AndReportsWhetherThereWasOne()
    {
        await Store.AddOrUpdateRelyingPartyAsync(RegisterRp());
        await Store.AddOrUpdateIdentityProviderAsync(RegisterIdp());

        await Assert.MultipleAsync(async () =>
        {
            Assert.That(await Store.RemoveRelyingPartyAsync(RpId), Is.True);
            Assert.That(await Store.RemoveRelyingPartyAsync(RpId), Is.False);
            Assert.That(await Store.RemoveIdentityProviderAsync(IdpId), Is.True);
            Assert.That(await Store.ListRelyingPartiesAsync(), Is.Empty);
            Assert.That(await Store.ListIdentityProvidersAsync(), Is.Empty);
        });
    }

    [Test]
    public async Task Disable_ThenEnable_FlipsOnlyTheFlag_AndBumpsTheRevisionOnlyOnChange()
    {
        await Store.AddOrUpdateIdentityProviderAsync(RegisterIdp());
        var revision = await Store.GetRevisionAsync();

        var disabled = await Store.SetIdentityProviderEnabledAsync(IdpId, false);
        var afterDisable = await Store.GetRevisionAsync();
        await Store.SetIdentityProviderEnabledAsync(IdpId, false);

        await Assert.MultipleAsync(async () =>
        {
            Assert.That(disabled, Is.True);
            Assert.That((await Store.GetIdentityProviderAsync(IdpId))!.Enabled, Is.False);
            Assert.That(afterDisable, Is.EqualTo(revision + 1));
            Assert.That(await Store.GetRevisionAsync(), Is.EqualTo(afterDisable), "disabling twice changes nothing");
            Assert.That(await Store.SetRelyingPartyEnabledAsync("https://nobody.test/saml", true), Is.False);
        });
    }

    [Test]
    public async Task ReRegistering_ADisabledParty_WithEnabledTrue_EnablesIt()
    {
        await Store.AddOrUpdateRelyingPartyAsync(RegisterRp());
        await Store.SetRelyingPartyEnabledAsync(RpId, false);

        var outcome = await Store.AddOrUpdateRelyingPartyAsync(RegisterRp());

        await Assert.MultipleAsync(async () =>
        {
            Assert.That(outcome, Is.EqualTo(StoreOutcome.Updated));
            Assert.That((await Store.GetRelyingPartyAsync(RpId))!.Enabled, Is.True);
        });
    }

    [Test]
    public async Task AnEntityIdHasOneRole_AndABatchWithAConflictWritesNothing()
    {
        await Store.AddOrUpdateIdentityProviderAsync(RegisterIdp());
        var revision = await Store.GetRevisionAsync();
        var rpWithTheIdpsId = RelyingPartyRegistration.FromMetadata(Bytes(Rp(IdpId)), RpSettings());

        var refusal = Assert.ThrowsAsync<RegistrationRefusedException>(() => Store.AddOrUpdateAsync([RegisterRp(), rpWithTheIdpsId], []));

        await Assert.MultipleAsync(async () =>
        {
            Assert.That(refusal!.Message, Does.Contain("already registered as an identity provider"));
            Assert.That(await Store.ListRelyingPartiesAsync(), Is.Empty, "all or nothing");
            Assert.That(await Store.GetRevisionAsync(), Is.EqualTo(revision));
        });
    }
}
