using System.Net;
using System.Net.Security;
using System.Net.Sockets;

using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

using Verify.Hub.Tests.Support;
using Verify.Testing;

namespace Verify.Hub.Tests.Oidc.Provider.Support;

/// <summary>
/// A relying party's <c>jwks_uri</c> on a local https server (certs-sample TLS): serves <see cref="Jwks"/> and counts
/// the hub's fetches.
/// </summary>
internal sealed class JwksServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private int _requests;

    private JwksServer(WebApplication app, int port)
    {
        _app = app;
        Port = port;
    }

    public int Port { get; }

    /// <summary>The registered address: a public-looking name, which <see cref="Handler"/> connects to this server.</summary>
    public Uri Uri => new($"https://rp-keys.test:{Port}/jwks");

    /// <summary>The key set served now.</summary>
    public string Jwks { get; set; } = """{"keys":[]}""";

    /// <summary>How many times the JWKS was fetched.</summary>
    public int Requests => Volatile.Read(ref _requests);

    public static async Task<JwksServer> StartAsync()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();

        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, port, l => l.UseHttps(SampleCerts.CertificateWithKey("tls"))));
        var app = builder.Build();
        var server = new JwksServer(app, port);
        app.MapGet("/jwks", () =>
        {
            Interlocked.Increment(ref server._requests);
            return Results.Text(server.Jwks, "application/json");
        });
        await app.StartAsync().ConfigureAwait(false);
        return server;
    }

    /// <summary>
    /// How the hub reaches this server in a test: any name connects here, over TLS trusted by the certs-sample CA
    /// (the production handler's internal-address guard is tested on its own: it refuses this loopback server).
    /// </summary>
    public HttpMessageHandler Handler() => new SocketsHttpHandler
    {
        AllowAutoRedirect = false,
        ConnectCallback = async (_, cancellationToken) =>
        {
            var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            await socket.ConnectAsync(IPAddress.Loopback, Port, cancellationToken).ConfigureAwait(false);
            return new NetworkStream(socket, ownsSocket: true);
        },
        SslOptions = new SslClientAuthenticationOptions { RemoteCertificateValidationCallback = HubHarness.TrustsSampleTls },
    };

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }
}
