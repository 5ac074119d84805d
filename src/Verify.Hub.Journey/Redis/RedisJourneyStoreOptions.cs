namespace Verify.Hub.Journey.Redis;

/// <summary>Settings of the Redis journey store.</summary>
public sealed class RedisJourneyStoreOptions
{
    /// <summary>Longest key prefix accepted.</summary>
    public const int MaxKeyPrefixLength = 128;

    /// <summary>
    /// Put before every key, e.g. to share a Redis with other applications or test runs. Default
    /// <c>verify:journey:</c>. It must not contain braces: the braces around the journey ID are the key's
    /// cluster hash tag, and a brace in the prefix would become the hash tag of every journey, putting them all on
    /// one cluster slot.
    /// </summary>
    public string KeyPrefix { get; init; } = "verify:journey:";

    /// <summary>The Redis database number; -1 for the connection's default. Redis Cluster has only database 0.</summary>
    public int Database { get; init; } = -1;

    /// <summary>
    /// Seals every stored journey (AES-256-GCM, bound to its key) so Redis holds no personal data in the clear. Production
    /// always sets it (<see cref="Protection.JourneyProtector.DeriveKey"/>); without it journeys are stored as JSON.
    /// </summary>
    public Protection.JourneyProtector? Protector { get; init; }

    /// <summary>Checks the settings.</summary>
    /// <exception cref="ArgumentException">A setting is out of range.</exception>
    public RedisJourneyStoreOptions Validate()
    {
        ArgumentNullException.ThrowIfNull(KeyPrefix, nameof(KeyPrefix));
        if (KeyPrefix.Length > MaxKeyPrefixLength || KeyPrefix.AsSpan().IndexOfAny('{', '}') >= 0)
        {
            throw new ArgumentException(
                $"{nameof(KeyPrefix)} must be at most {MaxKeyPrefixLength} characters, without braces.", nameof(KeyPrefix));
        }

        if (Database < -1)
        {
            throw new ArgumentException($"{nameof(Database)} must be -1 or a database number.", nameof(Database));
        }

        return this;
    }
}
