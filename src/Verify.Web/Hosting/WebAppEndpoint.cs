using System.Net;
using System.Security.Cryptography.X509Certificates;

namespace Verify.Web.Hosting;

/// <summary>
/// Where one of the federation's web apps is reached and listens: its public base URL (what goes into metadata and
/// redirects), the address Kestrel binds, and the TLS certificate when the URL is HTTPS.
/// </summary>
public sealed record WebAppEndpoint
{
    /// <summary>Creates the endpoint.</summary>
    /// <param name="publicBaseUrl">The absolute base URL citizens and peers use, e.g. <c>https://hub.test:50443/</c>.</param>
    /// <param name="tlsCertificate">The server certificate with its private key; required for an https URL.</param>
    /// <param name="listenAddress">The address to bind; loopback unless given (start-dev and tests).</param>
    /// <param name="listenPort">The port to bind; the public URL's port unless given (a node behind a load balancer).</param>
    /// <param name="tlsTerminatedUpstream">
    /// True when a proxy in front terminates TLS: the public URL is https but this node listens in plain http.
    /// </param>
    public WebAppEndpoint(
        Uri publicBaseUrl, X509Certificate2? tlsCertificate = null, IPAddress? listenAddress = null, int? listenPort = null, bool tlsTerminatedUpstream = false)
    {
        ArgumentNullException.ThrowIfNull(publicBaseUrl);
        if (!publicBaseUrl.IsAbsoluteUri || publicBaseUrl.Scheme is not ("https" or "http"))
        {
            throw new ArgumentException("The public base URL must be an absolute http or https URL.", nameof(publicBaseUrl));
        }

        if (publicBaseUrl.Scheme == "https" && tlsCertificate is null && !tlsTerminatedUpstream)
        {
            throw new ArgumentException("An https endpoint needs a TLS certificate.", nameof(tlsCertificate));
        }

        if (tlsCertificate is not null && !tlsCertificate.HasPrivateKey)
        {
            throw new ArgumentException("The TLS certificate has no private key.", nameof(tlsCertificate));
        }

        PublicBaseUrl = publicBaseUrl.AbsolutePath.EndsWith('/') ? publicBaseUrl : new Uri(publicBaseUrl + "/");
        TlsCertificate = tlsCertificate;
        ListenAddress = listenAddress ?? IPAddress.Loopback;
        ListenPort = listenPort ?? publicBaseUrl.Port;
        TlsTerminatedUpstream = tlsTerminatedUpstream && publicBaseUrl.Scheme == "https" && tlsCertificate is null;
    }

    /// <summary>
    /// True when a proxy in front terminates TLS: every request reaching this node was https at the proxy, so it is
    /// treated as https here (secure cookies, antiforgery, HSTS), although the node listens in plain http.
    /// </summary>
    public bool TlsTerminatedUpstream { get; }

    /// <summary>
    /// The proxies (addresses or networks) whose <c>X-Forwarded-For</c> names the client; empty: the TCP peer is the
    /// client. Only the nearest hop is taken, and only from these peers, so a client cannot choose its own address.
    /// </summary>
    public IReadOnlyList<IPNetwork> TrustedProxies { get; init; } = [];

    /// <summary>The base URL, ending in '/'.</summary>
    public Uri PublicBaseUrl { get; }

    /// <summary>The TLS server certificate, or null for plain http.</summary>
    public X509Certificate2? TlsCertificate { get; }

    /// <summary>The address Kestrel binds.</summary>
    public IPAddress ListenAddress { get; }

    /// <summary>The port Kestrel binds.</summary>
    public int ListenPort { get; }

    /// <summary>True when served over TLS (cookies are then <c>Secure</c>, HSTS is sent).</summary>
    public bool IsHttps => PublicBaseUrl.Scheme == "https";

    /// <summary>The absolute URL of <paramref name="relativePath"/> under the base URL.</summary>
    public Uri Url(string relativePath) => new(PublicBaseUrl, relativePath.TrimStart('/'));

    /// <summary>The origin (scheme, host, port), as CSP and the browser compare it.</summary>
    public string Origin => PublicBaseUrl.GetLeftPart(UriPartial.Authority);
}
