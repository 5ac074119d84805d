using StackExchange.Redis;

using Verify.Hub.Journey.Serialization;

namespace Verify.Hub.Journey.Redis;

/// <summary>
/// The production journey store: one Redis key per journey, <c>{prefix}{journeyId}</c> with the ID in braces as
/// the cluster hash tag (anything later stored per journey lands on the same slot). Compare-and-swap is a Lua
/// script on that one key (<see cref="RedisJourneyScripts"/>): atomic, and valid on Redis Cluster, where
/// WATCH/MULTI across a connection pool is fragile. Every key has a time to live (ARCHITECTURE.md).
/// </summary>
public sealed class RedisJourneyStore : IJourneyStore
{
    private readonly IConnectionMultiplexer _redis;
    private readonly TimeProvider _time;
    private readonly JourneyOptions _options;
    private readonly RedisJourneyStoreOptions _storeOptions;

    /// <summary>Creates the store over a connection the host owns.</summary>
    public RedisJourneyStore(
        IConnectionMultiplexer redis, TimeProvider timeProvider, JourneyOptions options, RedisJourneyStoreOptions? storeOptions = null)
    {
        _redis = redis ?? throw new ArgumentNullException(nameof(redis));
        _time = timeProvider ?? throw new ArgumentNullException(nameof(timeProvider));
        _options = (options ?? throw new ArgumentNullException(nameof(options))).Validate();
        _storeOptions = (storeOptions ?? new RedisJourneyStoreOptions()).Validate();
    }

    private IDatabase Database => _redis.GetDatabase(_storeOptions.Database);

    /// <inheritdoc/>
    public async Task<JourneyRecord?> GetAsync(JourneyId id, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(id);
        var document = await Database.HashGetAsync(Key(id), "d").ConfigureAwait(false);
        if (document.IsNull)
        {
            return null;
        }

        return JourneySerializer.Deserialize(Open((byte[])document!, id)).ObservedAt(_time.GetUtcNow());
    }

    /// <inheritdoc/>
    public async Task<JourneyRecord> CreateAsync(JourneyRecord journey, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(journey);
        if (journey.Version != 0)
        {
            throw new ArgumentException("Only a journey that was never stored (version 0) can be created.", nameof(journey));
        }

        var stored = journey.WithVersion(1);
        var result = await Evaluate(
            RedisJourneyScripts.Create, journey.Id, stored.Version, Seal(stored), TtlMilliseconds(stored))
            .ConfigureAwait(false);
        return result == 1 ? stored : throw new JourneyStoreException("A journey with this ID exists already.");
    }

    /// <inheritdoc/>
    public async Task<JourneyWriteResult> TryUpdateAsync(JourneyRecord journey, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(journey);
        var stored = journey.WithVersion(journey.Version + 1);
        var result = await Evaluate(
            RedisJourneyScripts.Update,
            journey.Id,
            journey.Version,
            stored.Version,
            Seal(stored),
            TtlMilliseconds(stored)).ConfigureAwait(false);
        return result switch
        {
            1 => JourneyWriteResult.Updated(stored),
            0 => JourneyWriteResult.Conflict,
            _ => JourneyWriteResult.NotFound,
        };
    }

    /// <inheritdoc/>
    public async Task<JourneyWriteResult> TryDeleteAsync(JourneyRecord journey, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(journey);
        var result = await Evaluate(RedisJourneyScripts.Delete, journey.Id, journey.Version).ConfigureAwait(false);
        return result switch
        {
            1 => JourneyWriteResult.Deleted,
            0 => JourneyWriteResult.Conflict,
            _ => JourneyWriteResult.NotFound,
        };
    }

    /// <summary>The key's remaining time to live, or null when there is no such key (for tests and diagnostics).</summary>
    internal Task<TimeSpan?> TimeToLiveAsync(JourneyId id) => Database.KeyTimeToLiveAsync(Key(id));

    /// <summary>The journey's key: the configured prefix, then the ID in braces as the cluster hash tag.</summary>
    internal RedisKey Key(JourneyId id) => _storeOptions.KeyPrefix + "{" + id.Value + "}";

    /// <summary>The stored bytes of <paramref name="journey"/>: sealed when the store has a journey key.</summary>
    private byte[] Seal(JourneyRecord journey)
    {
        var document = JourneySerializer.Serialize(journey);
        return _storeOptions.Protector is { } protector ? protector.Protect(document, Key(journey.Id)!) : document;
    }

    private byte[] Open(byte[] stored, JourneyId id) =>
        _storeOptions.Protector is { } protector ? protector.Unprotect(stored, Key(id)!) : stored;

    private long TtlMilliseconds(JourneyRecord stored) =>
        (long)Math.Ceiling(_options.TimeToLive(stored, _time.GetUtcNow()).TotalMilliseconds);

    private async Task<long> Evaluate(string script, JourneyId id, params RedisValue[] arguments)
    {
        var result = await Database.ScriptEvaluateAsync(script, [Key(id)], arguments).ConfigureAwait(false);
        return (long)result;
    }
}
