using System.Collections.Concurrent;

using Microsoft.IdentityModel.Tokens;

namespace Verify.Hub.Oidc.Provider.Clients;

/// <summary>
/// The <see cref="ClientKeys"/> cache: per <c>jwks_uri</c> the set last fetched, until when it is used, and when it was
/// last fetched (the refetch limit). Bounded: beyond <c>maxEntries</c> the entries closest to expiry are dropped.
/// </summary>
internal sealed class ClientKeyCache(TimeProvider time, int maxEntries)
{
    private readonly ConcurrentDictionary<Uri, Entry> _entries = new();

    /// <summary>The entry for <paramref name="uri"/>, made empty when there is none.</summary>
    public Entry Get(Uri uri)
    {
        if (_entries.TryGetValue(uri, out var entry))
        {
            return entry;
        }

        if (_entries.Count >= maxEntries)
        {
            Evict();
        }

        return _entries.GetOrAdd(uri, _ => new Entry());
    }

    /// <summary>
    /// Claims the right to fetch: true (and the attempt recorded) when the last fetch started at least
    /// <see cref="ClientKeys.MinRefetchInterval"/> ago; false otherwise, also for a concurrent caller.
    /// </summary>
    public bool TryStartFetch(Entry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var now = time.GetUtcNow();
        lock (entry)
        {
            if (now - entry.LastFetch < ClientKeys.MinRefetchInterval)
            {
                return false;
            }

            entry.LastFetch = now;
            return true;
        }
    }

    /// <summary>Keeps a fetched set.</summary>
    public static void Store(Entry entry, JsonWebKeySet keys, DateTimeOffset until)
    {
        ArgumentNullException.ThrowIfNull(entry);
        lock (entry)
        {
            (entry.Keys, entry.Until) = (keys, until);
        }
    }

    private void Evict()
    {
        // Expired ones first, then those closest to expiry, down to three quarters of the bound.
        foreach (var uri in _entries.OrderBy(e => e.Value.Until).Take(_entries.Count - (maxEntries * 3 / 4)).Select(e => e.Key).ToList())
        {
            _entries.TryRemove(uri, out _);
        }
    }

    /// <summary>One <c>jwks_uri</c>'s state.</summary>
    internal sealed class Entry
    {
        public JsonWebKeySet? Keys { get; set; }

        public DateTimeOffset Until { get; set; } = DateTimeOffset.MinValue;

        public DateTimeOffset LastFetch { get; set; } = DateTimeOffset.MinValue;
    }
}
