using System.Diagnostics;
using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;

namespace Verify.LoadBenchmark;

/// <summary>
/// One citizen's browser for one journey: its own cookie jar, its own connections (so its own TLS handshakes) from its
/// own loopback address, no automatic redirects (each request is a hop, timed on its own). Every host name resolves to
/// 127.0.0.1 at the URL's port; the only TLS certificate trusted is the run's own.
/// </summary>
internal sealed class VirtualBrowser : IDisposable
{
    private static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(30);
    private readonly HttpClient _client;
    private readonly Action<string, double> _onHop;

    public VirtualBrowser(X509Certificate2 trustedTls, string? plainHttpHubHost, Action<string, double> onHop)
    {
        var source = ClientAddresses.Next();
        var sockets = new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            UseCookies = false,
            UseProxy = false,
            ConnectCallback = async (context, cancellationToken) =>
            {
                var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                try
                {
                    socket.Bind(new IPEndPoint(source, 0));
                    await socket.ConnectAsync(IPAddress.Loopback, context.DnsEndPoint.Port, cancellationToken).ConfigureAwait(false);
                    return new NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            },
            SslOptions = new SslClientAuthenticationOptions
            {
                RemoteCertificateValidationCallback = (_, certificate, _, _) => certificate is not null && certificate.GetCertHash().AsSpan().SequenceEqual(trustedTls.GetCertHash()),
            },
        };
        HttpMessageHandler handler = plainHttpHubHost is null ? sockets : new TlsTerminatingProxyHandler(plainHttpHubHost, sockets);
        _client = new HttpClient(new CookieHandler(handler)) { Timeout = RequestTimeout };
        _onHop = onHop;
    }

    public Task<Page> GetAsync(string hop, Uri url) => SendAsync(hop, new HttpRequestMessage(HttpMethod.Get, url));

    /// <summary>Submits <paramref name="form"/> as the browser would (<c>application/x-www-form-urlencoded</c>).</summary>
    public Task<Page> SubmitAsync(string hop, HtmlForm form) =>
        SendAsync(hop, new HttpRequestMessage(HttpMethod.Post, form.Action) { Content = new FormUrlEncodedContent(form.Fields) });

    public void Dispose() => _client.Dispose();

    private async Task<Page> SendAsync(string hop, HttpRequestMessage request)
    {
        using (request)
        {
            var url = request.RequestUri!;
            var started = Stopwatch.GetTimestamp();
            try
            {
                using var response = await _client.SendAsync(request, HttpCompletionOption.ResponseContentRead).ConfigureAwait(false);
                var html = await response.Content.ReadAsStringAsync().ConfigureAwait(false);
                _onHop(hop, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                return new Page(hop, url, response.StatusCode, response.Headers.Location, html);
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or IOException)
            {
                var reason = ex is TaskCanceledException ? $"no answer within {RequestTimeout.TotalSeconds:0} s" : $"{ex.GetType().Name}: {(ex as HttpRequestException)?.HttpRequestError.ToString() ?? ex.Message}";
                throw new JourneyFailure(hop, reason);
            }
        }
    }
}
