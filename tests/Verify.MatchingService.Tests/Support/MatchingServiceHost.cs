using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;

using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

using Verify.Matching.Engine;
using Verify.Matching.Storage;
using Verify.MatchingService.Hosting;
using Verify.MatchingService.Matching;
using Verify.MatchingService.Matching.Reference;
using Verify.Saml.Validation;
using Verify.Testing;
using Verify.Web.Hosting;

namespace Verify.MatchingService.Tests.Support;

/// <summary>
/// The matching service running for real: Kestrel on a free loopback port, HTTPS with the certs-sample TLS
/// certificate, at <c>https://ms.test:{port}/</c>, over a records store with <see cref="People.AllRecords"/> and the
/// reference engine (unless a test gives its own matching logic). The clock is fake and shared with the test.
/// </summary>
internal sealed class MatchingServiceHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private MatchingServiceHost(WebApplication app, MatchingServiceOptions options, FakeTimeProvider clock, Uri baseUrl, RecordStore? store)
    {
        _app = app;
        Options = options;
        Clock = clock;
        BaseUrl = baseUrl;
        Store = store;
        Paths = new MatchingServicePaths(new WebAppEndpoint(baseUrl, SampleCerts.CertificateWithKey("tls")));
    }

    public MatchingServiceOptions Options { get; }

    public FakeTimeProvider Clock { get; }

    public Uri BaseUrl { get; }

    /// <summary>The port this node listens on (differs from <see cref="BaseUrl"/>'s for a second node behind one URL).</summary>
    public int ListenPort { get; private init; }

    public MatchingServicePaths Paths { get; }

    /// <summary>The records store, when the reference engine runs.</summary>
    public RecordStore? Store { get; }

    public static async Task<MatchingServiceHost> StartAsync(
        MatchingProvider provider = MatchingProvider.Sqlite,
        Func<MatchingServiceOptions, MatchingServiceOptions>? configure = null,
        Func<FakeTimeProvider, ILocalMatchingService>? matching = null,
        string environment = "Test",
        string records = "",
        LogCapture? logs = null,
        IReplayCache? replayCache = null,
        Uri? sharedPublicUrl = null)
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero));
        var options = Parties.Options(clock);
        options = configure?.Invoke(options) ?? options;
        RecordStore? store = null;
        ILocalMatchingService logic;
        if (matching is null)
        {
            store = await RecordStore.CreateAsync(provider, records.Length > 0 ? records : People.AllRecords, clock);
            logic = new ReferenceLocalMatchingService(ReferenceMatchingEngine.Create(store.Database, new MatchingOptions(), clock));
        }
        else
        {
            logic = matching(clock);
        }

        // A second node behind the same balancer: the same public URL, its own port.
        var baseUrl = sharedPublicUrl ?? new Uri($"https://ms.test:{FreePort()}/");
        var endpoint = sharedPublicUrl is null
            ? new WebAppEndpoint(baseUrl, SampleCerts.CertificateWithKey("tls"))
            : new WebAppEndpoint(baseUrl, SampleCerts.CertificateWithKey("tls"), IPAddress.Loopback, FreePort());
        var app = MatchingServiceApp.Build(options, endpoint, logic, environment, replayCache, configureServices: logs is null ? null : services =>
        {
            services.AddSingleton<ILoggerProvider>(logs);
            services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Information));
        });
        await app.StartAsync();
        return new MatchingServiceHost(app, options, clock, baseUrl, store) { ListenPort = endpoint.ListenPort };
    }

    /// <summary>A client that connects every host name to 127.0.0.1 and trusts only the sample root; optionally with a client certificate.</summary>
    public HttpClient NewClient(X509Certificate2? clientCertificate = null) => new(Handler(clientCertificate)) { BaseAddress = BaseUrl };

    public static SocketsHttpHandler Handler(X509Certificate2? clientCertificate = null) => new()
    {
        AllowAutoRedirect = false,
        ConnectCallback = async (context, cancellationToken) =>
        {
            var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await socket.ConnectAsync(new IPEndPoint(IPAddress.Loopback, context.DnsEndPoint.Port), cancellationToken);
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
            RemoteCertificateValidationCallback = TrustSampleRoot,
            ClientCertificates = clientCertificate is null ? null : [clientCertificate],
            LocalCertificateSelectionCallback = clientCertificate is null ? null : (_, _, _, _, _) => clientCertificate,
        },
    };

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        if (Store is not null)
        {
            await Store.DisposeAsync();
        }
    }

    private static bool TrustSampleRoot(object sender, X509Certificate? certificate, X509Chain? chain, SslPolicyErrors errors)
    {
        if (certificate is null || (errors & (SslPolicyErrors.RemoteCertificateNameMismatch | SslPolicyErrors.RemoteCertificateNotAvailable)) != 0)
        {
            return false;
        }

        using var custom = new X509Chain();
        custom.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        custom.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        custom.ChainPolicy.CustomTrustStore.Add(SampleCerts.Certificate("root-ca"));
        custom.ChainPolicy.ExtraStore.Add(SampleCerts.Certificate("tls-ca"));
        using var leaf = X509CertificateLoader.LoadCertificate(certificate.GetRawCertData());
        return custom.Build(leaf);
    }
}
