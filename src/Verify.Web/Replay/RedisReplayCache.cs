using System.Security.Cryptography;
using System.Text;

using StackExchange.Redis;

using Verify.Saml.Validation;

namespace Verify.Web.Replay;

/// <summary>
/// The replay cache shared by every hub node (ARCHITECTURE.md "Storage": Redis, TTL on every key): one key per seen
/// ID, written with SET NX and an expiry, so exactly one node's first sighting wins. Keys are hashes of scope and ID
/// (bounded length, nothing from the message in clear); one key per entry works on a Redis cluster.
/// </summary>
public sealed class RedisReplayCache(IConnectionMultiplexer redis, TimeProvider timeProvider, string keyPrefix = "verify:replay:") : IReplayCache
{
    private readonly IConnectionMultiplexer _redis = redis ?? throw new ArgumentNullException(nameof(redis));
    private readonly TimeProvider _time = timeProvider ?? throw new ArgumentNullException(nameof(timeProvider));

    /// <inheritdoc/>
    public async ValueTask<bool> TryAddAsync(string scope, string id, DateTimeOffset expiresAt, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(id);
        var ttl = expiresAt - _time.GetUtcNow();
        if (ttl <= TimeSpan.Zero)
        {
            // Already past its retention: nothing can replay it within the window, and nothing needs keeping.
            return true;
        }

        return await _redis.GetDatabase().StringSetAsync(Key(scope, id), 1, ttl, When.NotExists).ConfigureAwait(false);
    }

    /// <summary>Every ID in one round trip: the SET NX commands are sent together and answered together.</summary>
    public async ValueTask<bool> TryAddAllAsync(string scope, IReadOnlyList<string> ids, DateTimeOffset expiresAt, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(ids);
        var ttl = expiresAt - _time.GetUtcNow();
        if (ttl <= TimeSpan.Zero || ids.Count == 0)
        {
            return true;
        }

        var database = _redis.GetDatabase();
        var sets = new Task<bool>[ids.Count];
        for (var i = 0; i < ids.Count; i++)
        {
            ArgumentNullException.ThrowIfNull(ids[i], nameof(ids));
            sets[i] = database.StringSetAsync(Key(scope, ids[i]), 1, ttl, When.NotExists);
        }

        var added = await Task.WhenAll(sets).ConfigureAwait(false);
        return Array.TrueForAll(added, a => a);
    }

    private string Key(string scope, string id) =>
        keyPrefix + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(scope + "\u001f" + id)));
}
