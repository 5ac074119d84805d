using System.Collections.Concurrent;

namespace Verify.Matching.Engine;

/// <summary>
/// Counts cycle 3 attempts in this process, forgetting a match ID <see cref="MatchingOptions.Cycle3AttemptWindow"/>
/// after its first attempt (by the injected clock). Suitable for one matching service node.
/// </summary>
public sealed class InMemoryCycle3AttemptCounter(MatchingOptions options, TimeProvider timeProvider) : ICycle3AttemptCounter
{
    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private readonly MatchingOptions _options = options ?? throw new ArgumentNullException(nameof(options));
    private readonly TimeProvider _timeProvider = timeProvider ?? throw new ArgumentNullException(nameof(timeProvider));
    private readonly Lock _sweepLock = new();
    private DateTimeOffset _nextSweep = DateTimeOffset.MinValue;

    /// <inheritdoc />
    public bool TryCountAttempt(string matchId)
    {
        ArgumentException.ThrowIfNullOrEmpty(matchId);
        var now = _timeProvider.GetUtcNow();
        RemoveExpired(now);
        var entry = _entries.AddOrUpdate(
            matchId,
            _ => new Entry(1, now + _options.Cycle3AttemptWindow),
            (_, old) => old.ExpiresAt <= now ? new Entry(1, now + _options.Cycle3AttemptWindow) : old with { Count = old.Count + 1 });
        return entry.Count <= _options.MaxCycle3Attempts;
    }

    private void RemoveExpired(DateTimeOffset now)
    {
        // At most one sweep a minute: the map holds live journeys only, and cycle 3 is a small share of traffic.
        lock (_sweepLock)
        {
            if (now < _nextSweep)
            {
                return;
            }

            _nextSweep = now + TimeSpan.FromMinutes(1);
        }

        foreach (var (key, entry) in _entries)
        {
            if (entry.ExpiresAt <= now)
            {
                _entries.TryRemove(key, out _);
            }
        }
    }

    private sealed record Entry(int Count, DateTimeOffset ExpiresAt);
}
