using System.Collections.Concurrent;

using Verify.Hub.Journey.Serialization;

namespace Verify.Hub.Journey.InMemory;

/// <summary>
/// The in-process journey store for <c>start-dev</c> and tests: one node only. It keeps the same stored form as
/// Redis (so a serialisation fault shows in development too), expires entries on the injected clock, and holds at
/// most <see cref="InMemoryJourneyStoreOptions.Capacity"/> journeys: when full it sweeps out expired ones, then
/// evicts those closest to expiry (under a flood, the untouched pre-IDP journeys) rather than grow.
/// </summary>
public sealed class InMemoryJourneyStore : IJourneyStore
{
    private readonly ConcurrentDictionary<JourneyId, InMemoryEntry> _entries = new();
    private readonly TimeProvider _time;
    private readonly JourneyOptions _options;
    private readonly InMemoryJourneyStoreOptions _storeOptions;
    private readonly Lock _sweepLock = new();
    private long _lastSweepTicks = DateTimeOffset.MinValue.UtcTicks;

    /// <summary>Creates an empty store.</summary>
    public InMemoryJourneyStore(TimeProvider timeProvider, JourneyOptions options, InMemoryJourneyStoreOptions? storeOptions = null)
    {
        _time = timeProvider ?? throw new ArgumentNullException(nameof(timeProvider));
        _options = (options ?? throw new ArgumentNullException(nameof(options))).Validate();
        _storeOptions = (storeOptions ?? new InMemoryJourneyStoreOptions()).Validate();
    }

    /// <summary>How many journeys are held (expired ones included until swept).</summary>
    public int Count => _entries.Count;

    /// <inheritdoc/>
    public Task<JourneyRecord?> GetAsync(JourneyId id, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(id);
        var now = _time.GetUtcNow();
        var entry = Live(id, now);
        return Task.FromResult(entry is null ? null : JourneySerializer.Deserialize(entry.Document).ObservedAt(now));
    }

    /// <inheritdoc/>
    public Task<JourneyRecord> CreateAsync(JourneyRecord journey, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(journey);
        if (journey.Version != 0)
        {
            throw new ArgumentException("Only a journey that was never stored (version 0) can be created.", nameof(journey));
        }

        var now = _time.GetUtcNow();
        MakeRoom(now);
        var stored = journey.WithVersion(1);
        if (!_entries.TryAdd(journey.Id, InMemoryEntry.Of(stored, _options.TimeToLive(stored, now), now)))
        {
            throw new JourneyStoreException("A journey with this ID exists already.");
        }

        return Task.FromResult(stored);
    }

    /// <inheritdoc/>
    public Task<JourneyWriteResult> TryUpdateAsync(JourneyRecord journey, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(journey);
        var now = _time.GetUtcNow();
        var current = Live(journey.Id, now);
        if (current is null)
        {
            return Task.FromResult(JourneyWriteResult.NotFound);
        }

        var stored = journey.WithVersion(journey.Version + 1);
        var replacement = InMemoryEntry.Of(stored, _options.TimeToLive(stored, now), now);

        // Compare-and-swap: the version must be the one the caller read, and the entry must still be the one we
        // checked (ConcurrentDictionary.TryUpdate compares entries by reference, atomically).
        var written = current.Version == journey.Version && _entries.TryUpdate(journey.Id, replacement, current);
        return Task.FromResult(written ? JourneyWriteResult.Updated(stored) : JourneyWriteResult.Conflict);
    }

    /// <inheritdoc/>
    public Task<JourneyWriteResult> TryDeleteAsync(JourneyRecord journey, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(journey);
        var current = Live(journey.Id, _time.GetUtcNow());
        if (current is null)
        {
            return Task.FromResult(JourneyWriteResult.NotFound);
        }

        var deleted = current.Version == journey.Version
            && _entries.TryRemove(new KeyValuePair<JourneyId, InMemoryEntry>(journey.Id, current));
        return Task.FromResult(deleted ? JourneyWriteResult.Deleted : JourneyWriteResult.Conflict);
    }

    /// <summary>The remaining time to live of a journey, or null when there is none (for tests and diagnostics).</summary>
    internal TimeSpan? TimeToLive(JourneyId id)
    {
        var now = _time.GetUtcNow();
        return Live(id, now) is { } entry ? entry.EvictAt - now : null;
    }

    /// <summary>The entry if it is still within its time to live; an expired one is removed on the way.</summary>
    private InMemoryEntry? Live(JourneyId id, DateTimeOffset now)
    {
        if (!_entries.TryGetValue(id, out var entry))
        {
            return null;
        }

        if (entry.EvictAt > now)
        {
            return entry;
        }

        _entries.TryRemove(new KeyValuePair<JourneyId, InMemoryEntry>(id, entry));
        return null;
    }

    private void MakeRoom(DateTimeOffset now)
    {
        var full = _entries.Count >= _storeOptions.Capacity;
        if (!full && now.UtcTicks - Volatile.Read(ref _lastSweepTicks) < _storeOptions.SweepInterval.Ticks)
        {
            return;
        }

        lock (_sweepLock)
        {
            Volatile.Write(ref _lastSweepTicks, now.UtcTicks);
            foreach (var (id, entry) in _entries)
            {
                if (entry.EvictAt <= now)
                {
                    _entries.TryRemove(new KeyValuePair<JourneyId, InMemoryEntry>(id, entry));
                }
            }

            // Still full: evict a tenth, soonest-expiring first, so the next writes do not sweep again at once.
            var excess = _entries.Count - _storeOptions.Capacity + 1;
            if (excess > 0)
            {
                var batch = Math.Max(excess, _storeOptions.Capacity / 10);
                foreach (var (id, entry) in _entries.OrderBy(e => e.Value.EvictAt).Take(batch).ToList())
                {
                    _entries.TryRemove(new KeyValuePair<JourneyId, InMemoryEntry>(id, entry));
                }
            }
        }
    }
}
