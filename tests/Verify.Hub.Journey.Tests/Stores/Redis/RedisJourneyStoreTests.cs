using Microsoft.Extensions.Time.Testing;

using Verify.Hub.Journey.Redis;

namespace Verify.Hub.Journey.Tests.Stores.Redis;

/// <summary>The store contract against a real redis-server; every test in its own key prefix.</summary>
[TestFixture]
public sealed class RedisJourneyStoreTests : JourneyStoreContract
{
    protected override IJourneyStore CreateStore(FakeTimeProvider clock, JourneyOptions options) =>
        new RedisJourneyStore(
            RedisServer.Connection, clock, options, new RedisJourneyStoreOptions { KeyPrefix = $"verify-test:{Guid.NewGuid():N}:" });

    protected override Task<TimeSpan?> TimeToLiveAsync(IJourneyStore store, JourneyId id) =>
        ((RedisJourneyStore)store).TimeToLiveAsync(id);

    // Redis expires keys on its own clock, so this one test waits in real time (about a second).
    protected override Task WaitPastTimeToLiveAsync(TimeSpan ttl) => Task.Delay(ttl + TimeSpan.FromMilliseconds(300));
}
