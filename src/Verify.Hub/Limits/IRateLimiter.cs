namespace Verify.Hub.Limits;

/// <summary>
/// Counts work-creating requests per partition (a client address, an RP) in fixed windows, across every hub node
/// when backed by Redis (ARCHITECTURE.md "Storage": rate limits in Redis), so a flood of AuthnRequests or IDP posts
/// is refused with 429 before it costs signature checks or journeys.
/// </summary>
public interface IRateLimiter
{
    /// <summary>Counts one request; false when the partition is over <paramref name="limit"/> in the current window.</summary>
    ValueTask<bool> TryAcquireAsync(string partition, int limit, TimeSpan window, CancellationToken cancellationToken = default);
}
