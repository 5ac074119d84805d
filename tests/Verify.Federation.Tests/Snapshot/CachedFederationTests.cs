using Verify.Federation.Storage;
using Verify.Federation.Tests.Support;
using Verify.Hub.Journey.Model;

using static Verify.Federation.Tests.Support.TestParties;

namespace Verify.Federation.Tests.Snapshot;

/// <summary>The node's cached snapshot: reloaded when the revision changed, checked at most every interval.</summary>
[TestFixtureSource(typeof(Providers), nameof(Providers.All))]
public sealed class CachedFederationTests(FederationProvider provider) : StoreTestBase(provider)
{
    private static readonly CachedFederationOptions EveryFiveSeconds = new() { CheckInterval = TimeSpan.FromSeconds(5) };

    [Test]
    public async Task AChange_IsSeenAfterTheInterval_NotBefore()
    {
        using var cache = await CachedFederation.CreateAsync(Store, EveryFiveSeconds);
        var first = cache.Current;

        await Store.AddOrUpdateRelyingPartyAsync(RegisterRp());
        Clock.Advance(TimeSpan.FromSeconds(4));
        var beforeInterval = await cache.GetAsync();
        Clock.Advance(TimeSpan.FromSeconds(1));
        var afterInterval = await cache.GetAsync();

        Assert.Multiple(() =>
        {
            Assert.That(beforeInterval, Is.SameAs(first));
            Assert.That(afterInterval.FindRelyingParty(RpId), Is.Not.Null);
            Assert.That(afterInterval.Revision, Is.GreaterThan(first.Revision));
        });
    }

    [Test]
    public async Task NoChange_KeepsTheSameSnapshot()
    {
        await Store.AddOrUpdateRelyingPartyAsync(RegisterRp());
        using var cache = await CachedFederation.CreateAsync(Store, EveryFiveSeconds);
        var first = cache.Current;

        Clock.Advance(TimeSpan.FromMinutes(1));
        await Store.AddOrUpdateRelyingPartyAsync(RegisterRp());

        Assert.That(await cache.GetAsync(), Is.SameAs(first), "an unchanged re-registration does not bump the revision");
    }

    [Test]
    public async Task DisablingAnIdp_TakesItOutOfTheJourneysChoice_AfterTheNextCheck()
    {
        await Store.AddOrUpdateAsync([RegisterRp()], [RegisterIdp()]);
        using var cache = await CachedFederation.CreateAsync(Store, EveryFiveSeconds);
        var offeredBefore = cache.Find(RpId, IdpId, JourneyIntent.SignIn);

        await Store.SetIdentityProviderEnabledAsync(IdpId, false);
        await cache.RefreshAsync();

        Assert.Multiple(() =>
        {
            Assert.That(offeredBefore, Is.Not.Null);
            Assert.That(cache.Find(RpId, IdpId, JourneyIntent.SignIn), Is.Null);
        });
    }

    [Test]
    public async Task ConcurrentReaders_ShareOneReload()
    {
        using var cache = await CachedFederation.CreateAsync(Store, EveryFiveSeconds);
        await Store.AddOrUpdateRelyingPartyAsync(RegisterRp());
        Clock.Advance(TimeSpan.FromSeconds(5));

        var snapshots = await Task.WhenAll(Enumerable.Range(0, 16).Select(_ => cache.GetAsync().AsTask()));

        Assert.That(snapshots.Distinct().Count(), Is.EqualTo(1));
    }

    [Test]
    public void Options_RefuseANonPositiveInterval()
    {
        Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => CachedFederation.CreateAsync(Store, new CachedFederationOptions { CheckInterval = TimeSpan.Zero }));
    }
}
