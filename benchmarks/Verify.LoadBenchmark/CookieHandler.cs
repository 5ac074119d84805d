using System.Net;

namespace Verify.LoadBenchmark;

/// <summary>
/// A browser's cookie jar, kept against the URLs the browser sees (https), not against the connection: with the hub
/// behind a simulated TLS-terminating proxy the request goes out over plain http, and a jar below that would
/// withhold the hub's <c>Secure</c> cookies.
/// </summary>
internal sealed class CookieHandler(HttpMessageHandler inner) : DelegatingHandler(inner)
{
    private readonly CookieContainer _cookies = new();

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var url = request.RequestUri!;
        var header = _cookies.GetCookieHeader(url);
        if (header.Length > 0)
        {
            request.Headers.Add("Cookie", header);
        }

        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (response.Headers.TryGetValues("Set-Cookie", out var setCookies))
        {
            foreach (var setCookie in setCookies)
            {
                _cookies.SetCookies(url, setCookie);
            }
        }

        return response;
    }
}
