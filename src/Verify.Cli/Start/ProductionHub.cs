using System.Net;

using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

using StackExchange.Redis;

using Verify.Audit.Checkpoints;
using Verify.Audit.Storage;
using Verify.Federation;
using Verify.Federation.Storage;
using Verify.Hub;
using Verify.Hub.Auditing;
using Verify.Hub.Directory;
using Verify.Hub.Journey.Protection;
using Verify.Hub.Journey.Redis;
using Verify.Hub.Limits;
using Verify.Hub.Production;
using Verify.Hub.Telemetry;
using Verify.OidcProvider.Storage;
using Verify.Pki;
using Verify.Saml.Trust;
using Verify.Web.Hosting;
using Verify.Web.Replay;

namespace Verify.Cli.Start;

/// <summary>
/// The hub in production mode (<c>verify start</c>): PostgreSQL (federation store, data-protection keys) and Redis
/// (journeys, replay caches) from configuration, the operator's own keys, configuration checked before anything
/// starts (every problem listed at once), migrations required but never applied implicitly, and readiness that
/// checks both stores. Nodes hold no state of their own: any number can run behind one public URL.
/// </summary>
internal static class ProductionHub
{
    public static async Task<WebApplication> BuildAsync(ProductionSettings settings, TimeProvider time, CancellationToken cancellationToken)
    {
        var problems = new List<string>();
        var (options, endpoint) = Compose(settings, time, problems);
        var checkpoints = Checkpoints(settings.Audit.Checkpoints, problems);
        if (problems.Count > 0)
        {
            throw new ProductionConfigurationException(problems);
        }

        var store = FederationStore.Create(FederationProvider.Postgres, settings.Postgres!, time);
        var audit = AuditDatabase.Create(AuditProvider.Postgres, settings.Postgres!);
        var oidc = new OidcProviderStore(OidcProviderStoreKind.Postgres, settings.Postgres!);
        IReadOnlyList<string> pending;
        try
        {
            pending =
            [
                .. await store.Database.PendingMigrationsAsync(cancellationToken).ConfigureAwait(false),
                .. await audit.PendingMigrationsAsync(cancellationToken).ConfigureAwait(false),
                .. await oidc.PendingMigrationsAsync(cancellationToken).ConfigureAwait(false),
            ];
        }
        catch (Exception ex) when (ex is Npgsql.NpgsqlException or InvalidOperationException)
        {
            throw new ProductionConfigurationException([$"postgres: cannot connect ({ex.Message})."]);
        }

        if (pending.Count > 0)
        {
            throw new ProductionConfigurationException([$"postgres: {pending.Count} migration(s) not applied ({string.Join(", ", pending)}). Run 'verify db migrate' with the owner role first."]);
        }

        ConnectionMultiplexer redis;
        try
        {
            redis = await ConnectionMultiplexer.ConnectAsync(settings.Redis! + ",abortConnect=true,connectTimeout=5000").ConfigureAwait(false);
        }
        catch (RedisConnectionException ex)
        {
            throw new ProductionConfigurationException([$"redis: cannot connect ({ex.Message})."]);
        }

        var federation = await CachedFederation.CreateAsync(store, cancellationToken: cancellationToken).ConfigureAwait(false);
        var directory = new FederationDirectory(federation);
        var stores = new HubStores(
            new RedisJourneyStore(redis, time, options.Journey, new RedisJourneyStoreOptions
            {
                Protector = new JourneyProtector([JourneyProtector.DeriveKey(options.PairwiseSecret)]),
            }),
            new RedisReplayCache(redis, time),
            directory,
            directory,
            new DatabaseAuditSink(audit),
            new RedisRateLimiter(redis, time, RedisRateLimiter.DeriveKey(options.PairwiseSecret)));
        return HubApp.Build(options, endpoint, stores, "Production", services =>
        {
            if (checkpoints is not null)
            {
                services.AddHostedService(provider => new AuditCheckpointService(
                    new DatabaseAuditChain(audit), checkpoints, time, provider.GetRequiredService<Microsoft.Extensions.Logging.ILogger<AuditCheckpointService>>()));
            }

            // The OpenID Provider's codes and tokens, shared by every node (ADR 0021); pruned by each node's job.
            services.AddSingleton(oidc);
            services.AddDbContext<DataProtectionKeysContext>(db => db.UseNpgsql(settings.Postgres));
            services.AddDataProtection().SetApplicationName("Verify.Hub").PersistKeysToDbContext<DataProtectionKeysContext>();
            services.AddHealthChecks()
                .AddAsyncCheck("postgres", async ct =>
                {
                    await store.GetRevisionAsync(ct).ConfigureAwait(false);
                    return HealthCheckResult.Healthy();
                })
                .AddAsyncCheck("redis", async () =>
                {
                    await redis.GetDatabase().PingAsync().ConfigureAwait(false);
                    return HealthCheckResult.Healthy();
                });
        });
    }

    private static (HubOptions Options, WebAppEndpoint Endpoint) Compose(ProductionSettings settings, TimeProvider time, List<string> problems)
    {
        var hub = settings.Hub;
        Require(hub.EntityId, "hub.entityId", problems);
        Require(settings.Postgres, "postgres (connection string)", problems);
        Require(settings.Redis, "redis (configuration string)", problems);
        Uri? publicUrl = null;
        if (!Uri.TryCreate(hub.PublicUrl, UriKind.Absolute, out publicUrl) || publicUrl.Scheme != Uri.UriSchemeHttps)
        {
            problems.Add("hub.publicUrl: an absolute https URL is required (citizens' browsers reach the hub over TLS).");
        }

        var keys = new ProductionKeyFiles(problems);
        var signing = keys.WithKey(hub.Signing, "hub.signing");
        var signingNext = hub.SigningNext is null ? null : keys.WithKey(hub.SigningNext, "hub.signingNext");
        var oidcEc = hub.OidcEcSigning is null ? null : keys.WithKey(hub.OidcEcSigning, "hub.oidcEcSigning");
        var encryption = hub.Encryption.Count == 0
            ? null
            : hub.Encryption.Select((k, i) => keys.WithKey(k, $"hub.encryption[{i}]")).ToList();
        if (hub.Encryption.Count == 0)
        {
            problems.Add("hub.encryption: at least one encryption key is required.");
        }

        var tls = hub.Tls is null ? null : keys.WithKey(hub.Tls, "hub.tls");
        var root = keys.Public(hub.Trust.Root, "hub.trust.root");
        var secret = Secret(hub.PairwiseSecretFile, "hub.pairwiseSecretFile", problems);
        var auditKey = Secret(settings.Audit.KeyFile, "audit.keyFile", problems);
        Uri? otlp = null;
        if (settings.Telemetry.OtlpEndpoint is { } otlpText
            && (!Uri.TryCreate(otlpText, UriKind.Absolute, out otlp) || (otlp.Scheme != Uri.UriSchemeHttps && otlp.Scheme != Uri.UriSchemeHttp)))
        {
            problems.Add($"telemetry.otlpEndpoint: '{otlpText}' is not an http(s) URL (the OTLP/HTTP collector, e.g. http://collector:4318).");
        }

        IPAddress? listen = null;
        if (hub.ListenAddress is not null && !IPAddress.TryParse(hub.ListenAddress, out listen))
        {
            problems.Add($"hub.listenAddress: '{hub.ListenAddress}' is not an IP address.");
        }

        var proxies = new List<IPNetwork>();
        foreach (var proxy in hub.TrustedProxies)
        {
            if (IPNetwork.TryParse(proxy, out var network))
            {
                proxies.Add(network);
            }
            else if (IPAddress.TryParse(proxy, out var address))
            {
                proxies.Add(new IPNetwork(address, address.GetAddressBytes().Length * 8));
            }
            else
            {
                problems.Add($"hub.trustedProxies: '{proxy}' is neither an IP address nor a CIDR network (e.g. 10.0.0.0/8).");
            }
        }

        if (problems.Count > 0)
        {
            return (null!, null!);
        }

        FederationTrustAnchors? anchors = root is null ? null : new FederationTrustAnchors(
            root,
            keys.Public(hub.Trust.HubCa, "hub.trust.hubCa"),
            keys.Public(hub.Trust.IdpCa, "hub.trust.idpCa"),
            keys.Public(hub.Trust.RpCa, "hub.trust.rpCa"),
            keys.Public(hub.Trust.MetadataCa, "hub.trust.metadataCa"));
        var options = new HubOptions
        {
            EntityId = hub.EntityId!,
            SigningCertificate = signing!,
            NextSigningCertificate = signingNext,
            OidcEcSigningCertificate = oidcEc,
            EncryptionCertificates = encryption!.Select(c => c!).ToList(),
            PairwiseSecret = secret!,
            AuditKey = auditKey!,
            Telemetry = new HubTelemetryOptions
            {
                OtlpEndpoint = otlp,
                ServiceName = settings.Telemetry.ServiceName,
                JsonConsoleLogs = settings.Telemetry.JsonLogs,
            },
            TrustAnchors = anchors,
            TimeProvider = time,
        };
        try
        {
            options.Validate();
        }
        catch (InvalidOperationException invalid)
        {
            problems.Add(invalid.Message);
        }

        var endpoint = new WebAppEndpoint(publicUrl!, tls, listen ?? IPAddress.Any, hub.ListenPort, tlsTerminatedUpstream: tls is null)
        {
            TrustedProxies = proxies,
        };
        return (options, endpoint);
    }

    private static byte[]? Secret(string? file, string what, List<string> problems)
    {
        if (file is null || !File.Exists(file))
        {
            problems.Add($"{what}: {(file is null ? "not configured" : $"'{file}' not found")} (a file with at least 32 random bytes, base64; e.g. 'openssl rand -base64 32').");
            return null;
        }

        try
        {
            return Convert.FromBase64String(File.ReadAllText(file).Trim());
        }
        catch (FormatException)
        {
            problems.Add($"{what}: '{file}' is not base64.");
            return null;
        }
    }

    private static AuditCheckpointOptions? Checkpoints(CheckpointSettings? settings, List<string> problems)
    {
        if (settings is null)
        {
            return null;
        }

        if (settings.File is null || settings.Key is null || !File.Exists(settings.Key))
        {
            problems.Add("audit.checkpoints: 'key' (an existing PEM private key file) and 'file' (the checkpoint file) are both required.");
            return null;
        }

        if (settings.IntervalSeconds is < 5 or > 3600)
        {
            problems.Add("audit.checkpoints.intervalSeconds: between 5 and 3600.");
            return null;
        }

        try
        {
            return new AuditCheckpointOptions(
                settings.File, AuditCheckpointKeys.ReadPrivateKey(File.ReadAllText(settings.Key)), TimeSpan.FromSeconds(settings.IntervalSeconds));
        }
        catch (Exception ex) when (ex is System.Security.Cryptography.CryptographicException or ArgumentException)
        {
            problems.Add($"audit.checkpoints.key: '{settings.Key}' is not an ECDSA P-256 or RSA (2048 bits or more) private key in PEM ({ex.Message}).");
            return null;
        }
    }

    private static void Require(string? value, string name, List<string> problems)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            problems.Add($"{name}: required.");
        }
    }
}
