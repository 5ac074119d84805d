using Microsoft.Extensions.Time.Testing;

using Verify.Hub.Journey.InMemory;

namespace Verify.Hub.Journey.Tests.Stores;

/// <summary>The store contract against the in-process store.</summary>
[TestFixture]
public sealed class InMemoryJourneyStoreTests : JourneyStoreContract
{
    private readonly Dictionary<IJourneyStore, FakeTimeProvider> _clocks = [];

    protected override IJourneyStore CreateStore(FakeTimeProvider clock, JourneyOptions options)
    {
        var store = new InMemoryJourneyStore(clock, options);
        _clocks[store] = clock;
        return store;
    }

    protected override Task<TimeSpan?> TimeToLiveAsync(IJourneyStore store, JourneyId id) =>
        Task.FromResult(((InMemoryJourneyStore)store).TimeToLive(id));

    protected override Task WaitPastTimeToLiveAsync(TimeSpan ttl)
    {
        Clock.Advance(ttl + TimeSpan.FromMilliseconds(1));
        return Task.CompletedTask;
    }
}
