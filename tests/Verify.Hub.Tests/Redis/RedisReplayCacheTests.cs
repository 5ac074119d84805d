using Verify.Saml.Validation;
using Verify.Saml.Validation.InMemory;
using Verify.Web.Replay;

namespace Verify.Hub.Tests.Redis;

/// <summary>
/// A message and its assertions are recorded together (one round trip on Redis): any one seen before makes the whole
/// a replay, and every new one is recorded all the same. The in-process cache answers the same way.
/// </summary>
public sealed class RedisReplayCacheTests
{
    private static IEnumerable<TestCaseData> Caches()
    {
        yield return new TestCaseData(new Func<IReplayCache>(() => new RedisReplayCache(RedisServer.Connection, TimeProvider.System, $"verify-test:{Guid.NewGuid():N}:"))).SetArgDisplayNames("redis");
        yield return new TestCaseData(new Func<IReplayCache>(() => new InMemoryReplayCache(TimeProvider.System))).SetArgDisplayNames("in-memory");
    }

    [TestCaseSource(nameof(Caches))]
    public async Task AllNew_AreRecorded_AndEachIsThenAReplay(Func<IReplayCache> create)
    {
        var cache = create();
        var until = DateTimeOffset.UtcNow.AddMinutes(5);

        var first = await cache.TryAddAllAsync("saml:idp", ["_response", "_assertion-1", "_assertion-2"], until);
        var again = await cache.TryAddAsync("saml:idp", "_assertion-2", until);

        Assert.Multiple(() =>
        {
            Assert.That(first, Is.True);
            Assert.That(again, Is.False);
        });
    }

    [TestCaseSource(nameof(Caches))]
    public async Task OneSeenBefore_MakesTheWholeAReplay_AndTheNewOnesAreRecorded(Func<IReplayCache> create)
    {
        var cache = create();
        var until = DateTimeOffset.UtcNow.AddMinutes(5);
        await cache.TryAddAsync("saml:idp", "_assertion-1", until);

        var replayed = await cache.TryAddAllAsync("saml:idp", ["_response", "_assertion-1"], until);
        var responseAgain = await cache.TryAddAsync("saml:idp", "_response", until);
        var otherScope = await cache.TryAddAllAsync("saml:other-idp", ["_response", "_assertion-1"], until);

        Assert.Multiple(() =>
        {
            Assert.That(replayed, Is.False);
            Assert.That(responseAgain, Is.False, "recorded even though its message was refused");
            Assert.That(otherScope, Is.True, "IDs are per issuer");
        });
    }
}
