namespace Verify.TestRp.Oidc;

/// <summary>
/// OpenIddict's HTTP integration requires its primary handler to be an <see cref="HttpClientHandler"/>; this one passes
/// every request to the handler <see cref="TestRpOidcOptions.Backchannel"/> made (e.g. a <see cref="SocketsHttpHandler"/>
/// that reaches <c>hub.test</c> on the loopback and trusts only the sample root). The base handler is never used.
/// </summary>
internal sealed class BackchannelHandler(HttpMessageHandler inner) : HttpClientHandler
{
    private readonly HttpMessageInvoker _inner = new(inner ?? throw new ArgumentNullException(nameof(inner)), disposeHandler: true);

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
        _inner.SendAsync(request, cancellationToken);

    protected override HttpResponseMessage Send(HttpRequestMessage request, CancellationToken cancellationToken) =>
        _inner.Send(request, cancellationToken);

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _inner.Dispose();
        }

        base.Dispose(disposing);
    }
}
