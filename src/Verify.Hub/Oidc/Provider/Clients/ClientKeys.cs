using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

using Microsoft.IdentityModel.Tokens;

namespace Verify.Hub.Oidc.Provider.Clients;

/// <summary>
/// Fetches the JWKS a client publishes at its registered <c>jwks_uri</c> (RFC 7591 2): https only, never to an
/// internal address (the hub must not be a way into its own network: RFC 9700 4.14.2 / SSRF), at most 64 KiB,
/// cached for <see cref="CacheFor"/>; <see cref="Refresh"/> drops the cached copy once when an assertion names a key
/// the cache does not hold.
/// </summary>
internal sealed class ClientKeys(TimeProvider time, bool allowLoopback, HttpMessageHandler? handler = null)
{
    /// <summary>How long a fetched set is used.</summary>
    public static readonly TimeSpan CacheFor = TimeSpan.FromMinutes(10);

    /// <summary>Largest JWKS document accepted.</summary>
    public const int MaxBytes = 64 * 1024;

    private readonly ConcurrentDictionary<Uri, (JsonWebKeySet Keys, DateTimeOffset Until)> _cache = new();
    private HttpClient? _http;

    private HttpClient Http => _http ??= new HttpClient(handler ?? new SocketsHttpHandler
    {
        AllowAutoRedirect = false,

        // The address is checked where the connection is made, so a name that resolves differently a second time
        // (DNS rebinding) cannot reach an internal address.
        ConnectCallback = ConnectAsync,
    })
    {
        Timeout = TimeSpan.FromSeconds(5),
        MaxResponseContentBufferSize = MaxBytes,
    };

    /// <summary>The client's keys, or null when they cannot be fetched safely (the client then cannot authenticate).</summary>
    public async Task<JsonWebKeySet?> GetAsync(Uri jwksUri, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(jwksUri);
        if (_cache.TryGetValue(jwksUri, out var cached) && cached.Until > time.GetUtcNow())
        {
            return cached.Keys;
        }

        if (!IsAllowed(jwksUri))
        {
            return null;
        }

        try
        {
            using var response = await Http.GetAsync(jwksUri, cancellationToken).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                return null;
            }

            var keys = new JsonWebKeySet(await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false));
            _cache[jwksUri] = (keys, time.GetUtcNow() + CacheFor);
            return keys;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or SocketException or ArgumentException)
        {
            return null;
        }
    }

    /// <summary>Forgets the cached set, so the next lookup fetches it again (a rotated key).</summary>
    public void Refresh(Uri jwksUri) => _cache.TryRemove(jwksUri, out _);

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
    internal static bool IsInternal(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (IPAddress.IsLoopback(address) || address.Equals(IPAddress.Any) || address.Equals(IPAddress.IPv6Any))
        {
            return true;
        }

        if (address.AddressFamily == AddressFamily.InterNetworkV6)
        {
            return address.IsIPv6LinkLocal || address.IsIPv6SiteLocal || address.IsIPv6UniqueLocal || address.IsIPv6Multicast;
        }

        var b = address.GetAddressBytes();
        return b[0] == 10
            || (b[0] == 172 && b[1] >= 16 && b[1] <= 31)
            || (b[0] == 192 && b[1] == 168)
            || (b[0] == 169 && b[1] == 254)
            || (b[0] == 100 && b[1] >= 64 && b[1] <= 127)
            || b[0] == 0
            || b[0] >= 224;
    }
}
