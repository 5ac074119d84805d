using Verify.Hub.Journey;
using Verify.Hub.Journey.Model;

namespace Verify.Federation;

/// <summary>
/// The current <see cref="FederationSnapshot"/> of a hub node. On access, at most every
/// <see cref="CachedFederationOptions.CheckInterval"/>, it reads the store's revision and reloads the snapshot when it
/// changed; one reload at a time, no background thread. Thread-safe. If the store cannot be read, the last snapshot
/// keeps being served (a database blip must not stop journeys) and <see cref="LastRefreshError"/> says why.
/// </summary>
public sealed class CachedFederation : IIdpAvailability, IDisposable
{
    private readonly FederationStore _store;
    private readonly CachedFederationOptions _options;
    private readonly SemaphoreSlim _refresh = new(1, 1);
    private volatile FederationSnapshot _current;
    private long _nextCheckTicks;

    private CachedFederation(FederationStore store, CachedFederationOptions options, FederationSnapshot first)
    {
        _store = store;
        _options = options;
        _current = first;
        _nextCheckTicks = NextCheck();
    }

    /// <summary>The snapshot being served; never null. Starts a refresh (not awaited) when a check is due.</summary>
    public FederationSnapshot Current
    {
        get
        {
            if (IsCheckDue())
            {
                _ = RefreshInBackgroundAsync();
            }

            return _current;
        }
    }

    /// <summary>Why the last refresh failed, or null when it succeeded.</summary>
    public Exception? LastRefreshError { get; private set; }

    /// <summary>Loads the first snapshot (failing if the store cannot be read) and caches it.</summary>
    public static async Task<CachedFederation> CreateAsync(FederationStore store, CachedFederationOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        options ??= CachedFederationOptions.Default;
        options.Validate();
        var first = await store.LoadSnapshotAsync(cancellationToken).ConfigureAwait(false);
        return new CachedFederation(store, options, first);
    }

    /// <summary>The current snapshot, after checking the revision when a check is due.</summary>
    public async ValueTask<FederationSnapshot> GetAsync(CancellationToken cancellationToken = default)
    {
        if (IsCheckDue())
        {
            await _refresh.WaitAsync(cancellationToken).ConfigureAwait(false);
            await RefreshHoldingGateAsync(force: false, cancellationToken).ConfigureAwait(false);
        }

        return _current;
    }

    /// <summary>Checks the revision now, whatever the interval, and reloads if it changed.</summary>
    public async Task<FederationSnapshot> RefreshAsync(CancellationToken cancellationToken = default)
    {
        await _refresh.WaitAsync(cancellationToken).ConfigureAwait(false);
        await RefreshHoldingGateAsync(force: true, cancellationToken).ConfigureAwait(false);
        return _current;
    }

    /// <inheritdoc />
    public IdpOffer? Find(string rpId, string idpId, JourneyIntent intent) => Current.Find(rpId, idpId, intent);

    /// <inheritdoc />
    public void Dispose() => _refresh.Dispose();

    private bool IsCheckDue() => _store.TimeProvider.GetUtcNow().UtcTicks >= Interlocked.Read(ref _nextCheckTicks);

    private long NextCheck() => (_store.TimeProvider.GetUtcNow() + _options.CheckInterval).UtcTicks;

    /// <summary>For <see cref="Current"/>: if no reload is running, start one; never waits, never throws.</summary>
    private async Task RefreshInBackgroundAsync()
    {
        try
        {
            if (await _refresh.WaitAsync(0).ConfigureAwait(false))
            {
                await RefreshHoldingGateAsync(force: false, CancellationToken.None).ConfigureAwait(false);
            }
        }
        catch (ObjectDisposedException)
        {
            // Disposed while a reader asked for the snapshot: nothing left to refresh.
        }
    }

    /// <summary>
    /// Checks the revision and reloads if it moved (unless not <paramref name="force"/>d and no longer due, because
    /// whoever held the gate before just checked); the caller holds the gate, which this releases.
    /// </summary>
    private async Task RefreshHoldingGateAsync(bool force, CancellationToken cancellationToken)
    {
        if (!force && !IsCheckDue())
        {
            _refresh.Release();
            return;
        }

        try
        {
            var revision = await _store.GetRevisionAsync(cancellationToken).ConfigureAwait(false);
            if (revision != _current.Revision)
            {
                _current = await _store.LoadSnapshotAsync(cancellationToken).ConfigureAwait(false);
            }

            LastRefreshError = null;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Keep serving the last snapshot; the next check is one interval away, so a down database is not hammered.
            LastRefreshError = ex;
        }
        finally
        {
            Interlocked.Exchange(ref _nextCheckTicks, NextCheck());
            _refresh.Release();
        }
    }
}
