using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

using StackExchange.Redis;

using Verify.Audit;
using Verify.Hub.Directory;
using Verify.Hub.Journey;
using Verify.Hub.Journey.InMemory;
using Verify.Hub.Journey.Protection;
using Verify.Hub.Journey.Redis;
using Verify.Hub.Limits;
using Verify.Hub.Metadata;
using Verify.Hub.Telemetry;
using Verify.Saml.Trust;
using Verify.Saml.Validation;
using Verify.Saml.Validation.InMemory;
using Verify.Testing;
using Verify.Web.Hosting;
using Verify.Web.Replay;

namespace Verify.Hub.Tests.Support;

/// <summary>
/// A running hub on a real socket over HTTPS (certs-sample TLS, as <c>hub.test</c>), with the in-process journey
/// store and replay cache, a fixed test federation and a fake clock; plus a browser-like client (cookies, no
/// automatic redirects) that resolves every host to the hub.
/// </summary>
public sealed class HubHarness : IAsyncDisposable
{
    // Every node of one federation holds the same hub secret (journeys sealed by one node open on another, ADR 0023).
    private static readonly byte[] HubSecret = RandomNumberGenerator.GetBytes(32);

    public const string HubEntityId = "https://hub.test";

    /// <summary>The address every test browser connects from (the citizen's IP address, never to be logged or exported).</summary>
    public static readonly IPAddress ClientAddress = IPAddress.Parse("127.0.0.2");

    private readonly WebApplication _app;

    private HubHarness(WebApplication app, Uri baseUrl, FakeTimeProvider time, IJourneyStore journeys, TestDirectory directory, IAuditSink audit)
    {
        Audit = audit;
        _app = app;
        BaseUrl = baseUrl;
        Time = time;
        Journeys = journeys;
        Directory = directory;
        Client = NewClient();
    }

    public Uri BaseUrl { get; }

    public FakeTimeProvider Time { get; }

    public IJourneyStore Journeys { get; }

    public TestDirectory Directory { get; }

    public HttpClient Client { get; }

    /// <summary>The audit sink the hub writes to (a <see cref="RecordingAuditSink"/> unless the test gave another).</summary>
    public IAuditSink Audit { get; }

    /// <summary>The events recorded, when the sink is the default <see cref="RecordingAuditSink"/>.</summary>
    public RecordingAuditSink Recorded => (RecordingAuditSink)Audit;

    /// <summary>The hub's services (its meter factory, for metric listeners).</summary>
    public IServiceProvider Services => _app.Services;

    public CookieContainer Cookies { get; } = new();

    public string SsoUrl => new Uri(BaseUrl, HubPaths.SingleSignOn).AbsoluteUri;

    public string AcsUrl => new Uri(BaseUrl, HubPaths.AssertionConsumer).AbsoluteUri;

    public static async Task<HubHarness> StartAsync(
        IConnectionMultiplexer? redis = null,
        RateLimitOptions? limits = null,
        IAuditSink? audit = null,
        HubTelemetryOptions? telemetry = null,
        Action<IServiceCollection>? configureServices = null,
        bool behindTlsProxy = false,
        JourneyOptions? journey = null,
        IHubDirectorySource? directorySource = null,
        HubSigningOptions? signing = null,
        Func<IJourneyStore, IJourneyStore>? wrapJourneys = null)
    {
        audit ??= new RecordingAuditSink();
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var port = FreePort();
        var baseUrl = new Uri($"https://hub.test:{port}/");
        var options = new HubOptions
        {
            EntityId = HubEntityId,
            SigningCertificate = signing?.Current ?? SampleCerts.CertificateWithKey("hub-signing"),
            NextSigningCertificate = signing?.Next,
            OidcEcSigningCertificate = signing?.OidcEc,
            EncryptionCertificates = [SampleCerts.CertificateWithKey("hub-encryption")],
            PairwiseSecret = HubSecret,
            AuditKey = RandomNumberGenerator.GetBytes(32),
            Telemetry = telemetry ?? new HubTelemetryOptions(),
            TrustAnchors = new FederationTrustAnchors(
                SampleCerts.Certificate("root-ca"),
                SampleCerts.Certificate("hub-ca"),
                SampleCerts.Certificate("idp-ca"),
                SampleCerts.Certificate("rp-ca"),
                SampleCerts.Certificate("metadata-ca")),
            TimeProvider = time,
            RateLimits = limits ?? new RateLimitOptions { PerClient = 10_000 },
            Journey = journey ?? new JourneyOptions(),

            // OIDC IDPs in tests (the stub on https://localhost) are served with the certs-sample TLS certificate.
            OutboundTlsRoots = [SampleCerts.Certificate("root-ca"), SampleCerts.Certificate("tls-ca")],
        };
        IJourneyStore journeys = redis is null ? new InMemoryJourneyStore(time, options.Journey) : new RedisJourneyStore(redis, time, options.Journey, new RedisJourneyStoreOptions { Protector = new JourneyProtector([JourneyProtector.DeriveKey(options.PairwiseSecret)]) });
        journeys = wrapJourneys?.Invoke(journeys) ?? journeys;
        IReplayCache replay = redis is null ? new InMemoryReplayCache(time) : new RedisReplayCache(redis, time);
        var directory = new TestDirectory();
        IRateLimiter limiter = redis is null ? new InMemoryRateLimiter(time) : new RedisRateLimiter(redis, time, RedisRateLimiter.DeriveKey(options.PairwiseSecret), "verify:test-rate:" + Guid.NewGuid().ToString("N") + ":");
        // A test may serve the federation from the real store (FederationDirectory) instead of the fixed test directory.
        var stores = new HubStores(journeys, replay, directorySource ?? directory, new NoPublishedMetadata(), audit, limiter);
        // Behind a TLS-terminating proxy: the node listens in plain http and believes X-Forwarded-For from the test
        // browsers' address only (ProxyTests); otherwise it serves TLS itself.
        var endpoint = behindTlsProxy
            ? new WebAppEndpoint(baseUrl, null, IPAddress.Loopback, port, tlsTerminatedUpstream: true) { TrustedProxies = [new IPNetwork(ClientAddress, 32)] }
            : new WebAppEndpoint(baseUrl, SampleCerts.CertificateWithKey("tls"));
        var app = HubApp.Build(options, endpoint, stores, "Test", configureServices);
        await app.StartAsync().ConfigureAwait(false);
        return new HubHarness(app, baseUrl, time, journeys, directory, audit);
    }

    /// <summary>A second browser (its own cookies) on the same hub.</summary>
    public HttpClient NewClient(CookieContainer? cookies = null)
    {
        var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            CookieContainer = cookies ?? Cookies,
            UseCookies = true,
            ConnectCallback = async (context, cancellationToken) =>
            {
                var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };

                // The browser comes from its own address, so a test can tell the client's address from the server's.
                socket.Bind(new IPEndPoint(ClientAddress, 0));
                await socket.ConnectAsync(IPAddress.Loopback, BaseUrl.Port, cancellationToken).ConfigureAwait(false);
                return new NetworkStream(socket, ownsSocket: true);
            },
            SslOptions = new SslClientAuthenticationOptions { RemoteCertificateValidationCallback = TrustsSampleTls },
        };
        return new HttpClient(handler) { BaseAddress = BaseUrl };
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }

    /// <summary>Trusts the certs-sample TLS CA only (the browser tests do the same with chromium).</summary>
    internal static bool TrustsSampleTls(object sender, X509Certificate? certificate, X509Chain? chain, SslPolicyErrors errors)
    {
        if (certificate is null)
        {
            return false;
        }

        using var custom = new X509Chain();
        custom.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        custom.ChainPolicy.CustomTrustStore.Add(SampleCerts.Certificate("root-ca"));
        custom.ChainPolicy.ExtraStore.Add(SampleCerts.Certificate("tls-ca"));
        custom.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        return custom.Build(X509CertificateLoader.LoadCertificate(certificate.GetRawCertData()));
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private sealed class NoPublishedMetadata : IPublishedMetadataSource
    {
        public ValueTask<byte[]?> GetAsync(CancellationToken cancellationToken = default) => ValueTask.FromResult<byte[]?>(null);
    }
}
