using System.Security.Cryptography;
using System.Text;

using Microsoft.Extensions.Time.Testing;

using Verify.Hub.Limits;

namespace Verify.Hub.Tests.Redis;

/// <summary>
/// The shared rate-limit counters against a real redis-server: counted per partition and window, and the client's
/// address never in a key, not even as an unkeyed hash (which anyone could reverse by hashing every IPv4 address).
/// </summary>
public sealed class RedisRateLimiterTests
{
    private static readonly byte[] Key = RandomNumberGenerator.GetBytes(32);
    private static readonly bool[] ThreeThenRefused = [true, true, true, false];

    [Test]
    public async Task Counts_PerPartition_UpToTheLimit()
    {
        var limiter = new RedisRateLimiter(RedisServer.Connection, new FakeTimeProvider(), Key, Prefix());

        var results = new List<bool>();
        for (var i = 0; i < 4; i++)
        {
            results.Add(await limiter.TryAcquireAsync("client:203.0.113.9", 3, TimeSpan.FromMinutes(1)));
        }

        Assert.That(results, Is.EqualTo(ThreeThenRefused));
        Assert.That(await limiter.TryAcquireAsync("client:203.0.113.10", 3, TimeSpan.FromMinutes(1)), Is.True);
    }

    [Test]
    public async Task Keys_HoldNeitherTheAddressNorItsUnkeyedHash()
    {
        var prefix = Prefix();
        var limiter = new RedisRateLimiter(RedisServer.Connection, new FakeTimeProvider(), Key, prefix);
        const string partition = "client:203.0.113.9";

        await limiter.TryAcquireAsync(partition, 3, TimeSpan.FromMinutes(1));

        var server = RedisServer.Connection.GetServers()[0];
        var keys = server.Keys(pattern: prefix + "*").Select(k => k.ToString()).ToList();
        var unkeyed = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(partition)));
        Assert.That(keys, Has.Count.EqualTo(1));
        Assert.That(keys[0], Does.Not.Contain("203.0.113.9").And.Not.Contain(unkeyed));
    }

    [Test]
    public void PartitionKey_ShorterThan32Bytes_IsRefused() =>
        Assert.Throws<ArgumentException>(() => _ = new RedisRateLimiter(RedisServer.Connection, new FakeTimeProvider(), new byte[16]));

    private static string Prefix() => $"verify:test-rate:{Guid.NewGuid():N}:";
}
