using Microsoft.Extensions.Time.Testing;
using Microsoft.IdentityModel.Tokens;

using Verify.Hub.Oidc.Provider.Clients;

namespace Verify.Hub.Tests.Oidc.Provider;

/// <summary>The <c>jwks_uri</c> cache is bounded, and one fetch per interval is claimed once, even by concurrent callers.</summary>
public sealed class ClientKeyCacheTests
{
    [Test]
    public void BeyondItsBound_TheEntriesClosestToExpiryAreDropped()
    {
        var time = new FakeTimeProvider();
        var cache = new ClientKeyCache(time, maxEntries: 4);
        for (var i = 0; i < 4; i++)
        {
            ClientKeyCache.Store(cache.Get(Uri(i)), new JsonWebKeySet(), time.GetUtcNow() + TimeSpan.FromMinutes(i + 1));
        }

        cache.Get(Uri(4));

        Assert.Multiple(() =>
        {
            Assert.That(cache.Get(Uri(3)).Keys, Is.Not.Null, "the entry furthest from expiry stays");
            Assert.That(cache.Get(Uri(0)).Keys, Is.Null, "the entry closest to expiry was dropped");
        });
    }

    [Test]
    public void AFetch_IsClaimedOncePerInterval()
    {
        var time = new FakeTimeProvider();
        var cache = new ClientKeyCache(time, 8);
        var entry = cache.Get(Uri(0));
        var claims = Enumerable.Range(0, 16).AsParallel().Select(_ => cache.TryStartFetch(entry)).ToList();

        Assert.That(claims.Count(c => c), Is.EqualTo(1));
        time.Advance(ClientKeys.MinRefetchInterval);
        Assert.That(cache.TryStartFetch(entry), Is.True, "again once the interval has passed");
    }

    private static Uri Uri(int i) => new($"https://rp{i}.example/jwks");
}
