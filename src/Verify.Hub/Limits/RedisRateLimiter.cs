using System.Security.Cryptography;
using System.Text;

using StackExchange.Redis;

namespace Verify.Hub.Limits;

/// <summary>
/// Fixed-window counters in Redis shared by every node: INCR on a key per partition and window, with a TTL of one
/// window (set when the key is created), so nothing outlives its window. Keys hold a keyed hash of the partition (an
/// address is personal data: an unkeyed hash of an IPv4 address is reversed by trying all 2^32 of them), with a key
/// every node derives from the hub secret (<see cref="DeriveKey"/>).
/// </summary>
public sealed class RedisRateLimiter(IConnectionMultiplexer redis, TimeProvider timeProvider, byte[] partitionKey, string keyPrefix = "verify:rate:") : IRateLimiter
{
    private readonly byte[] _partitionKey = partitionKey is { Length: >= 32 } key ? (byte[])key.Clone()
        : throw new ArgumentException("The partition key must be at least 32 bytes.", nameof(partitionKey));

    /// <summary>The partition key every hub node derives from the hub secret (HKDF-SHA256, its own label).</summary>
    public static byte[] DeriveKey(byte[] hubSecret) =>
        HKDF.DeriveKey(HashAlgorithmName.SHA256, hubSecret, 32, info: Encoding.UTF8.GetBytes("verify/rate-limit-partition/v1"));

    private const string Script = """
        local n = redis.call('INCR', KEYS[1])
        if n == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
        return n
        """;

    /// <inheritdoc/>
    public async ValueTask<bool> TryAcquireAsync(string partition, int limit, TimeSpan window, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(partition);
        var current = timeProvider.GetUtcNow().Ticks / window.Ticks;
        var key = keyPrefix + Convert.ToHexStringLower(HMACSHA256.HashData(_partitionKey, Encoding.UTF8.GetBytes(partition))) + ":" + current;
        var count = (long)await redis.GetDatabase().ScriptEvaluateAsync(Script, [key], [(long)window.TotalMilliseconds]).ConfigureAwait(false);
        return count <= limit;
    }
}
