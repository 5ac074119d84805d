namespace Verify.Hub.Journey.Redis;

/// <summary>
/// The Lua scripts behind <see cref="RedisJourneyStore"/>. A script runs atomically, and each touches exactly one
/// key, passed in KEYS, so it is valid on Redis Cluster. A journey is a hash: <c>v</c> the version (what
/// compare-and-swap compares), <c>d</c> the stored document. Every write sets the time to live.
/// Results: 1 written, 0 version conflict (or, for create, the key exists), -1 no such journey.
/// </summary>
internal static class RedisJourneyScripts
{
    /// <summary>ARGV: version, document, ttl in milliseconds.</summary>
    public const string Create = """
        if redis.call('EXISTS', KEYS[1]) == 1 then return 0 end
        redis.call('HSET', KEYS[1], 'v', ARGV[1], 'd', ARGV[2])
        redis.call('PEXPIRE', KEYS[1], ARGV[3])
        return 1
        """;

    /// <summary>ARGV: expected version, new version, document, ttl in milliseconds.</summary>
    public const string Update = """
        local current = redis.call('HGET', KEYS[1], 'v')
        if not current then return -1 end
        if current ~= ARGV[1] then return 0 end
        redis.call('HSET', KEYS[1], 'v', ARGV[2], 'd', ARGV[3])
        redis.call('PEXPIRE', KEYS[1], ARGV[4])
        return 1
        """;

    /// <summary>ARGV: expected version.</summary>
    public const string Delete = """
        local current = redis.call('HGET', KEYS[1], 'v')
        if not current then return -1 end
        if current ~= ARGV[1] then return 0 end
        redis.call('DEL', KEYS[1])
        return 1
        """;
}
