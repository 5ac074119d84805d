namespace Verify.Hub.Matching;

/// <summary>
/// The HTTP connection pool of the hub's SOAP calls to matching services. Redirects are not followed (a 3xx is an
/// error: the query goes to the registered endpoint or nowhere). A host registers its own (a proxy, a client
/// certificate; tests: a resolver for their host names) before <see cref="HubApp.Build"/> adds the default.
/// </summary>
internal sealed class MatchingTransport(HttpMessageHandler handler) : IDisposable
{
    public HttpClient Client { get; } = new(handler, disposeHandler: true) { Timeout = Timeout.InfiniteTimeSpan };

    /// <summary>The default: pooled connections, refreshed every few minutes so a DNS change is seen; no redirects.</summary>
    public static MatchingTransport CreateDefault() => new(new SocketsHttpHandler
    {
        AllowAutoRedirect = false,
        ConnectTimeout = TimeSpan.FromSeconds(10),
        PooledConnectionLifetime = TimeSpan.FromMinutes(5),
    });

    public void Dispose() => Client.Dispose();
}
