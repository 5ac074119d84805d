
using Verify.Hub.Journey.States;
using Verify.Hub.Journey.Tests.Support;

using static Verify.Hub.Journey.Tests.Support.Fixtures;

namespace Verify.Hub.Journey.Tests.Stores;

/// <summary>
/// Time to live on every key: minutes before the IDP (a flood of AuthnRequests cannot fill the store), the session
/// after, minutes once finished; a read after expiry is a timeout; the key then goes.
/// </summary>
public abstract partial class JourneyStoreContract
{
    [Test]
    public async Task TimeToLive_BeforeTheIdp_IsMinutes()
    {
        var created = await Store.CreateAsync(Machine.Start(NonMatchingRp()));

        var ttl = await TimeToLiveAsync(Store, created.Id);

        // PreIdpLifetime (5 min) + TimeoutRetention (5 min).
        Assert.That(ttl, Is.InRange(TimeSpan.FromMinutes(9.9), TimeSpan.FromMinutes(10)));
    }

    [Test]
    public async Task TimeToLive_AfterTheIdp_IsTheSession()
    {
        var created = await Store.CreateAsync(Machine.Start(NonMatchingRp()));
        Clock.Advance(TimeSpan.FromMinutes(2));

        await Store.TryUpdateAsync(SelectIdp(created));
        var ttl = await TimeToLiveAsync(Store, created.Id);

        // SessionLifetime (150 min) from the start + TimeoutRetention (5 min) − the 2 minutes gone.
        Assert.That(ttl, Is.InRange(TimeSpan.FromMinutes(152.9), TimeSpan.FromMinutes(153)));
    }

    [Test]
    public async Task TimeToLive_OfAFinishedJourney_IsMinutesAgain()
    {
        var created = await Store.CreateAsync(Machine.Start(NonMatchingRp()));
        var selected = (await Store.TryUpdateAsync(SelectIdp(created))).Journey!;

        await Store.TryUpdateAsync(Machine.IdpAuthnSucceeded(selected, IdpAnswer(), Identity()));
        var ttl = await TimeToLiveAsync(Store, created.Id);

        Assert.That(ttl, Is.InRange(TimeSpan.FromMinutes(9.9), TimeSpan.FromMinutes(10)));
    }

    [Test]
    public async Task Get_AfterExpiry_ReadsAsTimeoutUntilTheKeyGoes()
    {
        var created = await Store.CreateAsync(Machine.Start(NonMatchingRp()));
        Clock.Advance(TimeSpan.FromMinutes(6));

        var read = await Store.GetAsync(created.Id);
        var written = await Store.TryUpdateAsync(read!);

        Assert.That(read!.State, Is.TypeOf<TimeoutState>());
        Assert.That(((TimeoutState)read.State).TimedOutIn, Is.EqualTo("SessionStarted"));
        Assert.That(written.Journey!.State, Is.TypeOf<TimeoutState>());
    }

    [Test]
    public async Task Journey_IsGoneAfterItsTimeToLive()
    {
        var options = new JourneyOptions { PreIdpLifetime = TimeSpan.FromMilliseconds(400), TimeoutRetention = TimeSpan.FromMilliseconds(400) };
        var store = CreateStore(Clock, options);
        var machine = Fixtures.Machine(Clock, options);
        var created = await store.CreateAsync(machine.Start(NonMatchingRp()));
        var cancelled = machine.Cancel(created);

        // The shortest time to live a store sets is one second.
        await WaitPastTimeToLiveAsync(TimeSpan.FromSeconds(1));

        Assert.That(await store.GetAsync(created.Id), Is.Null);
        Assert.That((await store.TryUpdateAsync(cancelled)).Status, Is.EqualTo(JourneyWriteStatus.NotFound));
    }
}
