namespace Verify.LoadBenchmark;

/// <summary>
/// Stands in for a TLS-terminating proxy in front of the hub (<c>--hub-tls off</c>): requests to the hub's https URL
/// go to the same port in plain http, as they would from the proxy to the node, with the headers a proxy adds (the
/// hub reads neither; the TCP peer stays the citizen's own address, as if forwarded headers were honoured). Other
/// hosts are untouched.
/// </summary>
internal sealed class TlsTerminatingProxyHandler(string host, HttpMessageHandler inner) : DelegatingHandler(inner)
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var url = request.RequestUri!;
        if (url.Scheme == Uri.UriSchemeHttps && string.Equals(url.Host, host, StringComparison.OrdinalIgnoreCase))
        {
            request.RequestUri = new UriBuilder(url) { Scheme = Uri.UriSchemeHttp, Port = url.Port }.Uri;
            request.Headers.Add("X-Forwarded-Proto", "https");
        }

        return base.SendAsync(request, cancellationToken);
    }
}
