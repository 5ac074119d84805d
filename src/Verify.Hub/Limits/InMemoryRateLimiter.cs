using System.Collections.Concurrent;

namespace Verify.Hub.Limits;

/// <summary>Fixed-window counters in process (start-dev, one node); expired windows are swept as new ones open.</summary>
public sealed class InMemoryRateLimiter(TimeProvider timeProvider) : IRateLimiter
{
    private readonly ConcurrentDictionary<(string Partition, long Window), int> _counts = new();
    private long _sweptWindow;

    /// <inheritdoc/>
    public ValueTask<bool> TryAcquireAsync(string partition, int limit, TimeSpan window, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(partition);
        var current = timeProvider.GetUtcNow().Ticks / window.Ticks;
        if (Interlocked.Exchange(ref _sweptWindow, current) != current)
        {
            foreach (var key in _counts.Keys.Where(k => k.Window < current))
            {
                _counts.TryRemove(key, out _);
            }
        }

        var count = _counts.AddOrUpdate((partition, current), 1, (_, c) => c + 1);
        return ValueTask.FromResult(count <= limit);
    }
}
