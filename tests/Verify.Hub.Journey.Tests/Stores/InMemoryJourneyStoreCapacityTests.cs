using Verify.Hub.Journey.InMemory;
using Verify.Hub.Journey.Model;

using static Verify.Hub.Journey.Tests.Support.Fixtures;

namespace Verify.Hub.Journey.Tests.Stores;

/// <summary>The in-process store never grows past its capacity, and sweeps out what has expired.</summary>
public sealed class InMemoryJourneyStoreCapacityTests
{
    [Test]
    public async Task FloodOfNewJourneys_NeverExceedsTheCapacity()
    {
        var clock = Clock();
        var machine = Machine(clock);
        var store = new InMemoryJourneyStore(clock, new JourneyOptions(), new InMemoryJourneyStoreOptions { Capacity = 100 });

        for (var i = 0; i < 1000; i++)
        {
            await store.CreateAsync(machine.Start(NonMatchingRp()));
            Assert.That(store.Count, Is.LessThanOrEqualTo(100));
        }
    }

    [Test]
    public async Task WhenFull_TheJourneysClosestToExpiryGoFirst()
    {
        var clock = Clock();
        var machine = Machine(clock);
        var store = new InMemoryJourneyStore(clock, new JourneyOptions(), new InMemoryJourneyStoreOptions { Capacity = 10 });
        var citizen = await store.CreateAsync(machine.Start(NonMatchingRp()));
        var atIdp = (await store.TryUpdateAsync(
            machine.SelectIdp(citizen, new IdpSelection(IdpA, JourneyIntent.SignIn, AuthnRequestId), Availability()))).Journey!;

        for (var i = 0; i < 50; i++)
        {
            await store.CreateAsync(machine.Start(NonMatchingRp()));
        }

        Assert.That(await store.GetAsync(atIdp.Id), Is.Not.Null, "the journey at the IDP outlives the flood");
    }

    [Test]
    public async Task ExpiredJourneys_AreSweptOutOnALaterWrite()
    {
        var clock = Clock();
        var machine = Machine(clock);
        var store = new InMemoryJourneyStore(clock, new JourneyOptions());
        for (var i = 0; i < 20; i++)
        {
            await store.CreateAsync(machine.Start(NonMatchingRp()));
        }

        clock.Advance(TimeSpan.FromMinutes(11));
        await store.CreateAsync(machine.Start(NonMatchingRp()));

        Assert.That(store.Count, Is.EqualTo(1));
    }

    [Test]
    public void Options_RefuseANonPositiveCapacity()
    {
        Assert.Throws<ArgumentException>(() =>
            _ = new InMemoryJourneyStore(Clock(), new JourneyOptions(), new InMemoryJourneyStoreOptions { Capacity = 0 }));
    }
}
