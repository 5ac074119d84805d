using System.Net;

using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

using StackExchange.Redis;

using Verify.Federation;
using Verify.Federation.Storage;
using Verify.Hub;
using Verify.Hub.Directory;
using Verify.Hub.Journey.Redis;
using Verify.Hub.Limits;
using Verify.Hub.Production;
using Verify.Hub.Replay;
using Verify.Saml.Trust;
using Verify.Web.Hosting;

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
        if (problems.Count > 0)
        {
            throw new ProductionConfigurationException(problems);
        }

        var store = FederationStore.Create(FederationProvider.Postgres, settings.Postgres!, time);
        IReadOnlyList<string> pending;
        try
        {
            pending = await store.Database.PendingMigrationsAsync(cancellationToken).ConfigureAwait(false);
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
            new RedisJourneyStore(redis, time, options.Journey), new RedisReplayCache(redis, time), directory, directory, new RedisRateLimiter(redis, time));
        return HubApp.Build(options, endpoint, stores, "Production", services =>
        {
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

        var keys = new KeyFiles(problems);
        var signing = keys.WithKey(hub.Signing, "hub.signing");
        var encryption = hub.Encryption.Count == 0
            ? null
            : hub.Encryption.Select((k, i) => keys.WithKey(k, $"hub.encryption[{i}]")).ToList();
        if (hub.Encryption.Count == 0)
        {
            problems.Add("hub.encryption: at least one encryption key is required.");
        }

        var tls = hub.Tls is null ? null : keys.WithKey(hub.Tls, "hub.tls");
        var root = keys.Public(hub.Trust.Root, "hub.trust.root");
        var secret = PairwiseSecret(hub.PairwiseSecretFile, problems);
        IPAddress? listen = null;
        if (hub.ListenAddress is not null && !IPAddress.TryParse(hub.ListenAddress, out listen))
        {
            problems.Add($"hub.listenAddress: '{hub.ListenAddress}' is not an IP address.");
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
            EncryptionCertificates = encryption!.Select(c => c!).ToList(),
            PairwiseSecret = secret!,
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

        var endpoint = new WebAppEndpoint(publicUrl!, tls, listen ?? IPAddress.Any, hub.ListenPort, tlsTerminatedUpstream: tls is null);
        return (options, endpoint);
    }

    private static byte[]? PairwiseSecret(string? file, List<string> problems)
    {
        if (file is null || !File.Exists(file))
        {
            problems.Add($"hub.pairwiseSecretFile: {(file is null ? "not configured" : $"'{file}' not found")} (a file with at least 32 random bytes, base64; e.g. 'openssl rand -base64 32').");
            return null;
        }

        try
        {
            return Convert.FromBase64String(File.ReadAllText(file).Trim());
        }
        catch (FormatException)
        {
            problems.Add($"hub.pairwiseSecretFile: '{file}' is not base64.");
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
