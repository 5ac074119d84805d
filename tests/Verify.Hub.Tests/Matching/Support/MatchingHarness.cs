using System.Net;
using System.Net.Sockets;
using System.Text;

using Microsoft.AspNetCore.Builder;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

using StackExchange.Redis;

using Verify.Hub.Directory;
using Verify.Hub.Journey;
using Verify.Hub.Matching;
using Verify.Hub.Tests.Support;
using Verify.Matching.Engine;
using Verify.Matching.Import;
using Verify.Matching.Storage;
using Verify.MatchingService;
using Verify.MatchingService.Hosting;
using Verify.MatchingService.Matching;
using Verify.MatchingService.Matching.Reference;
using Verify.Saml.Metadata;
using Verify.Saml.Trust;
using Verify.Testing;
using Verify.Web.Hosting;

namespace Verify.Hub.Tests.Matching.Support;

/// <summary>
/// The hub (<see cref="HubHarness"/>) with its RP registered as a matching RP, and that RP's real matching service
/// (<see cref="MatchingServiceApp"/>, the reference engine over a temporary SQLite file of departmental records) on a
/// port of its own at <c>https://ms.test:{port}/</c>, on the hub's clock. The hub reaches it through
/// <see cref="MatchingTransportHandler"/>, which counts the queries and lets a test stand in for the service.
/// </summary>
internal sealed class MatchingHarness : IAsyncDisposable
{
    public const string MatchingServiceId = "https://ms.test/matching-service";

    private readonly WebApplication? _matchingService;
    private readonly string _recordsFile;
    private bool _hubStopped;

    private MatchingHarness(HubHarness hub, MatchingTransportHandler transport, WebApplication? matchingService, string recordsFile, MatchingDatabase records, Uri baseUrl)
    {
        Hub = hub;
        Transport = transport;
        _matchingService = matchingService;
        _recordsFile = recordsFile;
        Records = records;
        MatchingServiceUrl = baseUrl;
    }

    public HubHarness Hub { get; }

    public MatchingTransportHandler Transport { get; }

    /// <summary>The department's records.</summary>
    public MatchingDatabase Records { get; }

    /// <summary>Where the matching service listens (or, when it is down, where it would).</summary>
    public Uri MatchingServiceUrl { get; }

    /// <summary>The queries that left the hub for the matching service.</summary>
    public int QueriesSent => Transport.Paths.Count;

    /// <param name="records">The department's records (JSON Lines).</param>
    /// <param name="cycle3">The RP's cycle 3 attribute, or null.</param>
    /// <param name="accountCreation">The RP's account-creation attributes.</param>
    /// <param name="endToEnd">End-to-end trust for the RP.</param>
    /// <param name="matching">Wraps the reference engine (a hanging or failing department).</param>
    /// <param name="down">The matching service is not running: its port refuses connections.</param>
    /// <param name="signingKey">The certs-sample key the matching service signs with (the registered one is matching-service-signing).</param>
    /// <param name="journey">The hub's journey options (the matching wait, cycle 3 attempts).</param>
    /// <param name="redis">Redis for the hub's journeys, when the test shares them between hubs.</param>
    /// <param name="logs">Captures the hub's logs.</param>
    /// <param name="oidcIdps">OIDC IDPs the matching service trusts (ADR 0025), started once the hub runs (their issuer has its port).</param>
    public static async Task<MatchingHarness> StartAsync(
        string records = People.Jane,
        string? cycle3 = null,
        IReadOnlyList<string>? accountCreation = null,
        bool endToEnd = false,
        Func<ILocalMatchingService, ILocalMatchingService>? matching = null,
        bool down = false,
        string signingKey = "matching-service-signing",
        JourneyOptions? journey = null,
        IConnectionMultiplexer? redis = null,
        ILoggerProvider? logs = null,
        Func<HubHarness, Task<IReadOnlyList<TrustedOidcIdp>>>? oidcIdps = null)
    {
        var transport = new MatchingTransportHandler();
        var hub = await HubHarness.StartAsync(redis: redis, journey: journey, configureServices: services =>
        {
            services.AddSingleton(new MatchingTransport(transport));
            if (logs is not null)
            {
                services.AddSingleton(logs);
                services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Trace));
            }
        }).ConfigureAwait(false);

        var file = Path.Combine(Path.GetTempPath(), $"verify-hub-matching-{Guid.NewGuid():N}.db");
        var database = MatchingDatabase.Create(MatchingProvider.Sqlite, $"Data Source={file}");
        await database.MigrateAsync().ConfigureAwait(false);
        if (records.Length > 0)
        {
            var imported = await new RecordImporter(database, new MatchingOptions(), hub.Time)
                .ImportAsync(() => new MemoryStream(Encoding.UTF8.GetBytes(records))).ConfigureAwait(false);
            Assert.That(imported.Errors, Is.Empty, "the test records import");
        }

        var baseUrl = new Uri($"https://ms.test:{FreePort()}/");
        var endpoint = new WebAppEndpoint(baseUrl, SampleCerts.CertificateWithKey("tls"));
        WebApplication? app = null;
        if (!down)
        {
            ILocalMatchingService logic = new ReferenceLocalMatchingService(ReferenceMatchingEngine.Create(database, new MatchingOptions(), hub.Time));
            logic = matching?.Invoke(logic) ?? logic;
            var options = Options(hub, signingKey);
            options = oidcIdps is null ? options : options with { OidcIdps = await oidcIdps(hub).ConfigureAwait(false) };
            app = MatchingServiceApp.Build(options, endpoint, logic, "Test");
            await app.StartAsync().ConfigureAwait(false);
        }

        var paths = new MatchingServicePaths(endpoint);
        hub.Directory.RelyingParty = hub.Directory.RelyingParty with
        {
            Matching = new HubRpMatching
            {
                EntityId = MatchingServiceId,
                Trust = new PartyTrust
                {
                    PartyId = MatchingServiceId,
                    Role = PartyRole.MatchingService,
                    Kind = TrustKind.Pkix,
                    Certificates =
                    [
                        new RegisteredCertificate(SampleCerts.Certificate("matching-service-signing"), KeyUse.Signing),
                        new RegisteredCertificate(SampleCerts.Certificate("matching-service-encryption"), KeyUse.Encryption),
                    ],
                },
                MatchUrl = new Uri(paths.AttributeQueryUrl),
                AccountCreationUrl = new Uri(paths.AccountCreationUrl),
                Cycle3Attribute = cycle3,
                AccountCreationAttributes = accountCreation ?? [],
                EndToEnd = endToEnd,
            },
        };
        return new MatchingHarness(hub, transport, app, file, database, baseUrl);
    }

    /// <summary>The matching service's options: the hub's keys, the stub IDPs', on the hub's clock.</summary>
    public static MatchingServiceOptions Options(HubHarness hub, string signingKey = "matching-service-signing") => new()
    {
        EntityId = MatchingServiceId,
        SigningCertificate = SampleCerts.CertificateWithKey(signingKey),
        EncryptionCertificates = [SampleCerts.CertificateWithKey("matching-service-encryption")],
        HubEntityId = HubHarness.HubEntityId,
        HubSigningCertificates = [SampleCerts.Certificate("hub-signing")],
        HubEncryptionCertificate = SampleCerts.Certificate("hub-encryption"),
        Idps =
        [
            new TrustedIdp(TestDirectory.IdpOne, [SampleCerts.Certificate("stub-idp-signing")]),
            new TrustedIdp(TestDirectory.IdpTwo, [SampleCerts.Certificate("stub-idp-signing-ecdsa")]),
        ],
        TimeProvider = hub.Time,
    };

    /// <summary>The hub's dispatcher: tests wait for the exchanges in flight instead of sleeping.</summary>
    public Task WhenIdleAsync() => Hub.Services.GetRequiredService<MatchingDispatcher>().WhenIdleAsync();

    /// <summary>Stops the hub node (its exchanges in flight stop with it); the matching service keeps running.</summary>
    public async Task StopHubAsync()
    {
        if (!_hubStopped)
        {
            _hubStopped = true;
            await Hub.DisposeAsync().ConfigureAwait(false);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopHubAsync().ConfigureAwait(false);
        if (_matchingService is not null)
        {
            await _matchingService.StopAsync().ConfigureAwait(false);
            await _matchingService.DisposeAsync().ConfigureAwait(false);
        }

        SqliteConnection.ClearAllPools();
        foreach (var path in new[] { _recordsFile, _recordsFile + "-wal", _recordsFile + "-shm" }.Where(File.Exists))
        {
            File.Delete(path);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
