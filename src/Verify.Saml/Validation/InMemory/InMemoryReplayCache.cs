using System.Collections.Concurrent;

namespace Verify.Saml.Validation.InMemory;

/// <summary>
/// An in-process replay cache for one node (start-dev, tests, the test RP). Expired entries are swept
/// as new ones arrive; a hard cap refuses new entries rather than forgetting unexpired ones, so a flood
/// can never make a replay succeed.
/// </summary>
public sealed class InMemoryReplayCache(TimeProvider timeProvider, int capacity = 1_000_000) : IReplayCache
{
    private readonly ConcurrentDictionary<string, DateTimeOffset> _entries = new(StringComparer.Ordinal);
    private long _nextSweep;

    /// <summary>Entries currently held (expired ones may linger until the next sweep).</summary>
    public int Count => _entries.Count;

    /// <inheritdoc />
    public ValueTask<bool> TryAddAsync(string scope, string id, DateTimeOffset expiresAt, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(id);
        var now = timeProvider.GetUtcNow();
        SweepIfDue(now);
        var key = scope + "\n" + id;
        while (true)
        {
            if (_entries.TryGetValue(key, out var existing))
            {
                if (existing > now)
                {
                    return ValueTask.FromResult(false);
                }

                // Expired: replace it, but only if no one else did in between.
                if (_entries.TryUpdate(key, expiresAt, existing))
                {
                    return ValueTask.FromResult(true);
                }

                continue;
            }

            if (_entries.Count >= capacity)
            {
                throw new InvalidOperationException("The replay cache is full; refusing rather than forgetting.");
            }

            if (_entries.TryAdd(key, expiresAt))
            {
                return ValueTask.FromResult(true);
            }
        }
    }

    private void SweepIfDue(DateTimeOffset now)
    {
        var due = Interlocked.Read(ref _nextSweep);
        if (now.UtcTicks < due || Interlocked.CompareExchange(ref _nextSweep, now.UtcTicks + TimeSpan.TicksPerMinute, due) != due)
        {
            return;
        }

        foreach (var (key, expiry) in _entries)
        {
            if (expiry <= now)
            {
                _entries.TryRemove(KeyValuePair.Create(key, expiry));
            }
        }
    }
}
