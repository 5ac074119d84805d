using Microsoft.Extensions.Time.Testing;

using Verify.Hub.Journey.Model;
using Verify.Hub.Journey.States;
using Verify.Hub.Journey.Tests.Support;

using static Verify.Hub.Journey.Tests.Support.Fixtures;

namespace Verify.Hub.Journey.Tests.Stores;

/// <summary>
/// The one suite every journey store passes (STYLE.md: one abstract suite per store, run against each
/// implementation): create and get, compare-and-swap on the version, parallel writers, time to live, expiry.
/// </summary>
public abstract partial class JourneyStoreContract
{
    protected FakeTimeProvider Clock { get; private set; } = null!;

    protected JourneyStateMachine Machine { get; private set; } = null!;

    protected IJourneyStore Store { get; private set; } = null!;

    [SetUp]
    public void CreateStoreUnderTest()
    {
        Clock = Fixtures.Clock();
        Machine = Fixtures.Machine(Clock);
        Store = CreateStore(Clock, new JourneyOptions());
    }

    [Test]
    public async Task Create_ThenGet_ReturnsTheJourneyAtVersion1()
    {
        var created = await Store.CreateAsync(Machine.Start(NonMatchingRp()));

        var read = await Store.GetAsync(created.Id);

        Assert.That(created.Version, Is.EqualTo(1));
        Assert.That(read, Is.Not.Null);
        Assert.That((read!.Id, read.Version, read.Rp, read.State), Is.EqualTo((created.Id, 1L, created.Rp, created.State)));
    }

    [Test]
    public async Task Get_UnknownJourney_IsNull()
    {
        Assert.That(await Store.GetAsync(JourneyId.New()), Is.Null);
    }

    [Test]
    public async Task Create_SameIdTwice_IsRefused()
    {
        var journey = Machine.Start(NonMatchingRp());
        await Store.CreateAsync(journey);

        Assert.ThrowsAsync<JourneyStoreException>(() => Store.CreateAsync(journey));
    }

    [Test]
    public void Create_AJourneyThatWasStoredBefore_IsRefused()
    {
        Assert.ThrowsAsync<ArgumentException>(() => Store.CreateAsync(JourneyIn(State("IdpSelected"))));
    }

    [Test]
    public async Task Update_FromTheStoredVersion_WritesTheNextVersion()
    {
        var created = await Store.CreateAsync(Machine.Start(NonMatchingRp()));

        var result = await Store.TryUpdateAsync(SelectIdp(created));
        var read = await Store.GetAsync(created.Id);

        Assert.That(result.Status, Is.EqualTo(JourneyWriteStatus.Written));
        Assert.That(result.Journey!.Version, Is.EqualTo(2));
        Assert.That(read!.Version, Is.EqualTo(2));
        Assert.That(read.State, Is.TypeOf<IdpSelectedState>());
    }

    [Test]
    public async Task Update_FromAStaleVersion_IsAConflictAndChangesNothing()
    {
        var created = await Store.CreateAsync(Machine.Start(NonMatchingRp()));
        await Store.TryUpdateAsync(SelectIdp(created));

        var stale = await Store.TryUpdateAsync(Machine.Cancel(created));
        var read = await Store.GetAsync(created.Id);

        Assert.That(stale.Status, Is.EqualTo(JourneyWriteStatus.VersionConflict));
        Assert.That(stale.Journey, Is.Null);
        Assert.That((read!.Version, read.State.Name), Is.EqualTo((2L, "IdpSelected")));
    }

    [Test]
    public async Task ParallelUpdatesFromTheSameVersion_ExactlyOneWins()
    {
        var created = await Store.CreateAsync(Machine.Start(NonMatchingRp()));
        var attempts = Enumerable.Range(0, 20).Select(i => SelectIdp(created, $"_authn-{i}")).ToList();

        var results = await Task.WhenAll(attempts.Select(a => Task.Run(() => Store.TryUpdateAsync(a))));
        var read = await Store.GetAsync(created.Id);

        var winners = results.Where(r => r.Succeeded).ToList();
        Assert.That(winners, Has.Count.EqualTo(1));
        Assert.That(results.Count(r => r.Status == JourneyWriteStatus.VersionConflict), Is.EqualTo(19));
        Assert.That(read!.Version, Is.EqualTo(2));
        Assert.That(
            ((IdpSelectedState)read.State).Idp.AuthnRequestId,
            Is.EqualTo(((IdpSelectedState)winners[0].Journey!.State).Idp.AuthnRequestId));
    }

    [Test]
    public async Task Update_OfAJourneyThatIsGone_IsNotFound()
    {
        var result = await Store.TryUpdateAsync(SelectIdp(Machine.Start(NonMatchingRp()).WithVersion(1)));

        Assert.That(result.Status, Is.EqualTo(JourneyWriteStatus.NotFound));
    }

    [Test]
    public async Task Delete_RemovesTheJourneyOnlyFromTheStoredVersion()
    {
        var created = await Store.CreateAsync(Machine.Start(NonMatchingRp()));
        var updated = (await Store.TryUpdateAsync(SelectIdp(created))).Journey!;

        var stale = await Store.TryDeleteAsync(created);
        var deleted = await Store.TryDeleteAsync(updated);
        var again = await Store.TryDeleteAsync(updated);

        Assert.That((stale.Status, deleted.Status, again.Status), Is.EqualTo(
            (JourneyWriteStatus.VersionConflict, JourneyWriteStatus.Written, JourneyWriteStatus.NotFound)));
        Assert.That(await Store.GetAsync(created.Id), Is.Null);
    }

    [Test]
    public async Task DoubleSubmittedIdpAnswer_HasOneEffect()
    {
        var created = await Store.CreateAsync(Machine.Start(NonMatchingRp()));
        var selected = (await Store.TryUpdateAsync(SelectIdp(created))).Journey!;

        // Two nodes read the same journey and each applies the same IDP answer.
        var first = await Store.TryUpdateAsync(Machine.IdpAuthnSucceeded(selected, IdpAnswer(), Identity()));
        var second = await Store.TryUpdateAsync(Machine.IdpAuthnSucceeded(selected, IdpAnswer(), Identity()));

        Assert.That((first.Status, second.Status), Is.EqualTo((JourneyWriteStatus.Written, JourneyWriteStatus.VersionConflict)));
        Assert.That((await Store.GetAsync(created.Id))!.Version, Is.EqualTo(3));
    }

    /// <summary>A fresh, empty store on <paramref name="clock"/>.</summary>
    protected abstract IJourneyStore CreateStore(FakeTimeProvider clock, JourneyOptions options);

    /// <summary>The store's remaining time to live for the journey.</summary>
    protected abstract Task<TimeSpan?> TimeToLiveAsync(IJourneyStore store, JourneyId id);

    /// <summary>Lets <paramref name="ttl"/> pass for the store's own clock (the fake one, or Redis's real one).</summary>
    protected abstract Task WaitPastTimeToLiveAsync(TimeSpan ttl);

    private JourneyRecord SelectIdp(JourneyRecord journey, string authnRequestId = AuthnRequestId) =>
        Machine.SelectIdp(journey, new IdpSelection(IdpA, JourneyIntent.SignIn, authnRequestId), Availability());
}
