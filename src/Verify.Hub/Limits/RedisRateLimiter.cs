using System.Security.Cryptography;
using System.Text;

using StackExchange.Redis;

namespace Verify.Hub.Limits;

/// <summary>
/// Fixed-window counters in Redis shared by every node: INCR on a key per partition and window, with a TTL of one
/// window (set when the key is created), so nothing outlives its window. Keys hash the partition (an address is
/// personal data; it is never stored in clear).
/// </summary>
public sealed class RedisRateLimiter(IConnectionMultiplexer redis, TimeProvider timeProvider, string keyPrefix = "verify:rate:") : IRateLimiter
{
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
        var key = keyPrefix + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(partition))) + ":" + current;
        var count = (long)await redis.GetDatabase().ScriptEvaluateAsync(Script, [key], [(long)window.TotalMilliseconds]).ConfigureAwait(false);
        return count <= limit;
    }
}
