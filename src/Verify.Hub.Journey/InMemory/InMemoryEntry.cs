using Verify.Hub.Journey.Serialization;

namespace Verify.Hub.Journey.InMemory;

/// <summary>
/// One journey in <see cref="InMemoryJourneyStore"/>: its stored form, version and eviction time. Compared by
/// reference (no Equals override), which is what makes <c>ConcurrentDictionary.TryUpdate</c> a compare-and-swap.
/// </summary>
internal sealed class InMemoryEntry(long version, byte[] document, DateTimeOffset evictAt)
{
    public long Version { get; } = version;

    public byte[] Document { get; } = document;

    public DateTimeOffset EvictAt { get; } = evictAt;

    public static InMemoryEntry Of(JourneyRecord stored, TimeSpan ttl, DateTimeOffset now) =>
        new(stored.Version, JourneySerializer.Serialize(stored), now + ttl);
}
