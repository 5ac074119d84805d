using System.Net;
using System.Net.Security;
using System.Net.Sockets;

using Verify.Hub.Tests.Support;

namespace Verify.Hub.Tests.Matching.Support;

/// <summary>
/// The hub's connection to matching services in the tests: every host name goes to 127.0.0.1 (at the URL's port) over
/// TLS trusting only the certs-sample root, as a browser on distinct host names would. It counts the queries that
/// leave the hub, and a test may stand in for the matching service (<see cref="Intercept"/>).
/// </summary>
internal sealed class MatchingTransportHandler : DelegatingHandler
{
    private readonly List<string> _paths = [];

    public MatchingTransportHandler()
        : base(new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            ConnectCallback = async (context, cancellationToken) =>
            {
                var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                try
                {
                    await socket.ConnectAsync(new IPEndPoint(IPAddress.Loopback, context.DnsEndPoint.Port), cancellationToken).ConfigureAwait(false);
                    return new NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            },
            SslOptions = new SslClientAuthenticationOptions { RemoteCertificateValidationCallback = HubHarness.TrustsSampleTls },
        })
    {
    }

    /// <summary>When set, answers in place of the matching service (it may call <see cref="ForwardAsync"/>).</summary>
    public Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>>? Intercept { get; set; }

    /// <summary>The paths the hub's queries were sent to, in order.</summary>
    public IReadOnlyList<string> Paths
    {
        get
        {
            lock (_paths)
            {
                return [.. _paths];
            }
        }
    }

    /// <summary>Sends the request on to the real endpoint.</summary>
    public Task<HttpResponseMessage> ForwardAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
        base.SendAsync(request, cancellationToken);

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        lock (_paths)
        {
            _paths.Add(request.RequestUri!.AbsolutePath);
        }

        return Intercept is { } intercept ? intercept(request, cancellationToken) : base.SendAsync(request, cancellationToken);
    }
}
