using System.Net;
using System.Net.Sockets;

using Microsoft.IdentityModel.Tokens;

namespace Verify.Hub.Oidc.Provider.Clients;

/// <summary>
/// Fetches the JWKS a client publishes at its registered <c>jwks_uri</c> (RFC 7591 2): https only, never to an
/// internal address (the hub must not be a way into its own network: RFC 9700 4.14.2 / SSRF), at most
/// <see cref="MaxBytes"/>, within <see cref="Timeout"/>, no redirects. A fetched set is used for <see cref="CacheFor"/>;
/// at most <see cref="MaxEntries"/> sets are held. <see cref="RefetchAsync"/> fetches again when an assertion names a
/// key the cached set does not hold (the client rotated its key, issue 7), but at most once per
/// <see cref="MinRefetchInterval"/> per <c>jwks_uri</c>, so random <c>kid</c>s cannot make the hub hammer a client's server.
/// </summary>
internal sealed class ClientKeys(TimeProvider time, bool allowLoopback, HttpMessageHandler? handler = null)
{
    /// <summary>How long a fetched set is used.</summary>
    public static readonly TimeSpan CacheFor = TimeSpan.FromMinutes(10);

    /// <summary>Shortest time between two fetches of one <c>jwks_uri</c> (whatever the outcome of the first).</summary>
    public static readonly TimeSpan MinRefetchInterval = TimeSpan.FromSeconds(30);

    /// <summary>How long one fetch may take.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);

    /// <summary>Largest JWKS document accepted.</summary>
    public const int MaxBytes = 64 * 1024;

    /// <summary>Most key sets held; beyond it the set closest to expiry is dropped.</summary>
    public const int MaxEntries = 1024;

    private readonly ClientKeyCache _cache = new(time, MaxEntries);
    private HttpClient? _http;

    private HttpClient Http => _http ??= new HttpClient(handler ?? new SocketsHttpHandler
    {
        AllowAutoRedirect = false,

        // The address is checked where the connection is made, so a name that resolves differently a second time
        // (DNS rebinding) cannot reach an internal address.
        ConnectCallback = ConnectAsync,
    })
    {
        Timeout = Timeout,
        MaxResponseContentBufferSize = MaxBytes,
    };

    /// <summary>The client's keys, or null when they cannot be fetched safely (the client then cannot authenticate).</summary>
    public async Task<JsonWebKeySet?> GetAsync(Uri jwksUri, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(jwksUri);
        var entry = _cache.Get(jwksUri);
        if (Fresh(entry) is { } keys)
        {
            return keys;
        }

        return _cache.TryStartFetch(entry) ? await FetchAsync(jwksUri, entry, cancellationToken).ConfigureAwait(false) : Fresh(entry);
    }

    /// <summary>
    /// Fetches the set again because an assertion names <paramref name="keyId"/>, which the cached set lacks (the
    /// client rotated its key); at most once per <see cref="MinRefetchInterval"/>, otherwise the cached set is given back.
    /// </summary>
    public async Task<JsonWebKeySet?> RefetchAsync(Uri jwksUri, string keyId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(jwksUri);
        var entry = _cache.Get(jwksUri);
        if (entry.Keys is { } keys && keys.Keys.Any(k => k.KeyId == keyId))
        {
            return keys;
        }

        return _cache.TryStartFetch(entry) ? await FetchAsync(jwksUri, entry, cancellationToken).ConfigureAwait(false) : Fresh(entry);
    }

    private async Task<JsonWebKeySet?> FetchAsync(Uri jwksUri, ClientKeyCache.Entry entry, CancellationToken cancellationToken)
    {
        if (!IsAllowed(jwksUri))
        {
            return null;
        }

        try
        {
            using var response = await Http.GetAsync(jwksUri, cancellationToken).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                return Fresh(entry);
            }

            var keys = new JsonWebKeySet(await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false));

            // Public RSA and EC keys only (as a registered JWKS, ADR 0021): never a symmetric key or private members.
            foreach (var key in keys.Keys.Where(k => k.Kty is not (JsonWebAlgorithmsKeyTypes.RSA or JsonWebAlgorithmsKeyTypes.EllipticCurve) || k.HasPrivateKey).ToList())
            {
                keys.Keys.Remove(key);
            }

            ClientKeyCache.Store(entry, keys, time.GetUtcNow() + CacheFor);
            return keys;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or SocketException or ArgumentException)
        {
            // Unreachable, too large, too slow or not a JWKS: the set fetched before stays in use until it expires.
            return Fresh(entry);
        }
    }

    // Never a set past its age: a key the client withdrew is not trusted for longer than CacheFor.
    private JsonWebKeySet? Fresh(ClientKeyCache.Entry entry) => entry.Until > time.GetUtcNow() ? entry.Keys : null;

    private bool IsAllowed(Uri uri) =>
        uri.Scheme == Uri.UriSchemeHttps || (allowLoopback && uri.IsLoopback && uri.Scheme == Uri.UriSchemeHttp);

    private bool IsAllowed(IPAddress address) => !IsInternal(address) || (allowLoopback && IPAddress.IsLoopback(address));

    private async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        var host = context.DnsEndPoint.Host;
        var addresses = IPAddress.TryParse(host, out var literal)
            ? [literal]
            : await Dns.GetHostAddressesAsync(host, cancellationToken).ConfigureAwait(false);
        if (addresses.Length == 0 || !addresses.All(IsAllowed))
        {
            throw new HttpRequestException("The client's jwks_uri resolves to an internal address.");
        }

        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(addresses, context.DnsEndPoint.Port, cancellationToken).ConfigureAwait(false);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    /// <summary>Loopback, private (RFC 1918, RFC 4193), link-local, CGNAT and unspecified addresses.</summary>
    internal static bool IsInternal(IPAddress address) => InternalAddresses.Contains(address);
}
