using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

using Verify.Audit.Storage;
using Verify.Federation;
using Verify.Federation.Import;
using Verify.Federation.Publishing;
using Verify.Federation.Registration;
using Verify.Federation.Storage;
using Verify.Hub;
using Verify.Hub.Auditing;
using Verify.Hub.Directory;
using Verify.Hub.Journey;
using Verify.Hub.Journey.InMemory;
using Verify.Hub.Metadata;
using Verify.Saml.Metadata;
using Verify.Saml.Saml;
using Verify.Saml.Validation.InMemory;
using Verify.Saml.Xml;
using Verify.Saml.Xml.Encryption;
using Verify.StubIdp;
using Verify.TestRp;
using Verify.Web.Hosting;

namespace Verify.Cli.StartDev;

/// <summary>
/// The whole federation in one process, as <c>verify start-dev</c> runs it (Keycloak's start-dev): the hub, the stub
/// IDP, the test RP and its matching service (ADR 0020), each on its own hostname over HTTPS with the certs-sample TLS certificate (or plain http on
/// 127.0.0.1), the federation store in a SQLite file imported from <c>config/</c>, journeys and replay caches in
/// process, and the federation metadata signed with the sample metadata-signing key (the operator's offline step,
/// done automatically here).
/// </summary>
public sealed class DevFederation : IAsyncDisposable
{
    /// <summary>The hub's entity ID in the development federation.</summary>
    public const string HubEntityId = "https://hub.test";

    private readonly WebApplication[] _apps;
    private readonly CachedFederation _federation;

    private DevFederation(WebApplication[] apps, CachedFederation federation, Uri hub, Uri idp, Uri rp, DevMatchingService matchingService)
    {
        _apps = apps;
        _federation = federation;
        MatchingService = matchingService;
        HubUrl = hub;
        StubIdpUrl = idp;
        TestRpUrl = rp;
    }

    /// <summary>The hub's base URL.</summary>
    public Uri HubUrl { get; }

    /// <summary>The stub IDP's base URL.</summary>
    public Uri StubIdpUrl { get; }

    /// <summary>The test RP's base URL (where a journey starts).</summary>
    public Uri TestRpUrl { get; }

    /// <summary>
    /// The file holding the development pairwise secret (<see cref="DevSecretAsync"/>): browser tests compute the
    /// expected pairwise identifiers from it independently of the hub (development only).
    /// </summary>
    internal string? PairwiseSecretPath { get; private init; }

    /// <summary>The test RP's matching service (the hub's SOAP peer for its matching registrations); tests stop and start it.</summary>
    public DevMatchingService MatchingService { get; }

    /// <summary>Loads the federation and starts the three apps.</summary>
    /// <exception cref="DevFederationException">Keys, configuration or ports are not usable; the message says what to do.</exception>
    public static async Task<DevFederation> StartAsync(DevFederationOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var time = options.TimeProvider;
        var keys = new DevKeys(options.CertsDirectory);
        keys.RequireFolder();
        var layout = DevLayout.Create(
            options,
            keys,
            await DevSecretAsync(options.DatabasePath + ".secret", cancellationToken).ConfigureAwait(false),
            await DevSecretAsync(options.DatabasePath + ".audit-key", cancellationToken).ConfigureAwait(false));
        var (hubOptions, hubEndpoint, hubEndpoints) = (layout.Hub, layout.HubEndpoint, new HubEndpoints(layout.HubEndpoint));
        var (stubOptions, idpEndpoint, rpOptions, rpEndpoint) = (layout.StubIdp, layout.IdpEndpoint, layout.TestRp, layout.RpEndpoint);

        var store = FederationStore.Create(FederationProvider.Sqlite, $"Data Source={options.DatabasePath}", time);
        await store.MigrateAsync(cancellationToken).ConfigureAwait(false);
        await ImportAsync(store, options, cancellationToken).ConfigureAwait(false);
        var inProcess = layout.Parties();
        await inProcess.RegisterAsync(store, options.PlainHttp, cancellationToken).ConfigureAwait(false);

        // The matching service first: the test RP's matching registrations carry the metadata it publishes.
        var matchingService = await DevMatchingService.CreateAsync(options, layout.MatchingService, layout.MsEndpoint, cancellationToken).ConfigureAwait(false);
        try
        {
            await matchingService.StartAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (IOException busy)
        {
            await matchingService.DisposeAsync().ConfigureAwait(false);
            throw new DevFederationException($"A port is in use ({busy.Message}). Stop the other process, or choose another with --ms-port.", busy);
        }

        await inProcess.RegisterMatchingAsync(store, matchingService, cancellationToken).ConfigureAwait(false);
        await PublishMetadataAsync(store, keys, HubMetadata.Describe(hubOptions, hubEndpoints), time, options.PlainHttp, cancellationToken).ConfigureAwait(false);

        var federation = await CachedFederation.CreateAsync(store, cancellationToken: cancellationToken).ConfigureAwait(false);
        var directory = new FederationDirectory(federation);
        // The audit trail in the same SQLite file, checkpointed every minute beside it with the sample metadata-signing
        // key (production: PostgreSQL, and a key of the operator's that no hub node holds in clear).
        var audit = AuditDatabase.Create(AuditProvider.Sqlite, $"Data Source={options.DatabasePath}");
        await audit.MigrateAsync(cancellationToken).ConfigureAwait(false);
        var checkpoints = new AuditCheckpointOptions(
            AuditCheckpointsFile(options.DatabasePath), keys.WithKey("metadata-signing").GetRSAPrivateKey()!, TimeSpan.FromMinutes(1));
        var stores = new HubStores(
            new InMemoryJourneyStore(time, hubOptions.Journey), new InMemoryReplayCache(time), directory, directory, new DatabaseAuditSink(audit));
        WebApplication[] apps =
        [
            HubApp.Build(hubOptions, hubEndpoint, stores, "Development", services => services.AddHostedService(provider =>
                new AuditCheckpointService(new DatabaseAuditChain(audit), checkpoints, time, provider.GetRequiredService<ILogger<AuditCheckpointService>>()))),
            StubIdpApp.Build(stubOptions, idpEndpoint, "Development"),
            TestRpApp.Build(rpOptions, rpEndpoint, "Development"),
        ];
        try
        {
            foreach (var app in apps)
            {
                await app.StartAsync(cancellationToken).ConfigureAwait(false);
            }
        }
        catch (IOException busy)
        {
            throw new DevFederationException($"A port is in use ({busy.Message}). Stop the other process, or choose ports with --hub-port/--idp-port/--rp-port.", busy);
        }

        return new DevFederation(apps, federation, hubEndpoint.PublicBaseUrl, idpEndpoint.PublicBaseUrl, rpEndpoint.PublicBaseUrl, matchingService)
        {
            PairwiseSecretPath = options.DatabasePath + ".secret",
        };
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        foreach (var app in _apps.Reverse())
        {
            await app.StopAsync().ConfigureAwait(false);
            await app.DisposeAsync().ConfigureAwait(false);
        }

        await MatchingService.DisposeAsync().ConfigureAwait(false);
        _federation.Dispose();
    }

    private static async Task ImportAsync(FederationStore store, DevFederationOptions options, CancellationToken cancellationToken)
    {
        if (!File.Exists(Path.Combine(options.ConfigDirectory, FederationImporter.FileName)))
        {
            throw new DevFederationException($"No {FederationImporter.FileName} in '{Path.GetFullPath(options.ConfigDirectory)}'. Run from the repository root, or give --config.");
        }

        var result = await new FederationImporter(store, allowLoopbackHttp: options.PlainHttp).ImportAsync(options.ConfigDirectory, cancellationToken).ConfigureAwait(false);
        if (!result.Succeeded)
        {
            throw new DevFederationException("The federation configuration was refused:" + Environment.NewLine + string.Join(Environment.NewLine, result.Errors));
        }
    }

    /// <summary>The operator's offline step, done here with the sample metadata-signing key (never a hub key).</summary>
    private static async Task PublishMetadataAsync(
        FederationStore store, DevKeys keys, EntityDescriptor hub, TimeProvider time, bool plainHttp, CancellationToken cancellationToken)
    {
        var snapshot = await store.LoadSnapshotAsync(cancellationToken).ConfigureAwait(false);
        var validUntil = time.GetUtcNow().AddDays(7);
        var document = FederationMetadataBuilder.Build(hub, snapshot, validUntil);
        var signer = keys.WithKey("metadata-signing");
        MetadataSigner.Sign(document, SigningCredential.FromCertificate(signer), validUntil);
        // The plain-http fallback publishes http endpoints (loopback only, checked at registration).
        var verifier = MetadataVerifier.Pinned(
            [keys.Public("metadata-signing")], time, new MetadataVerifierOptions { Reader = new MetadataReaderOptions { RequireHttps = !plainHttp } });
        await store.PublishMetadataAsync(System.Text.Encoding.UTF8.GetBytes(document.OuterXml), verifier, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Where start-dev writes its audit checkpoints (beside the database).</summary>
    public static string AuditCheckpointsFile(string databasePath) => databasePath + ".audit-checkpoints.jsonl";

    /// <summary>
    /// A secret of this development store (the pairwise secret, the audit key), made once and kept beside the database, so the test RP sees the
    /// same identifier for the same identity across restarts. Production takes it from configuration.
    /// </summary>
    private static async Task<byte[]> DevSecretAsync(string path, CancellationToken cancellationToken)
    {
        if (File.Exists(path))
        {
            return Convert.FromBase64String((await File.ReadAllTextAsync(path, cancellationToken).ConfigureAwait(false)).Trim());
        }

        var secret = RandomNumberGenerator.GetBytes(32);
        await File.WriteAllTextAsync(path, Convert.ToBase64String(secret), cancellationToken).ConfigureAwait(false);
        return secret;
    }
}
