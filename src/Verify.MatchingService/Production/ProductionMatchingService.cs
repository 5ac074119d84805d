using System.Net;
using System.Security.Cryptography.X509Certificates;

using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

using StackExchange.Redis;

using Verify.Matching.Engine;
using Verify.Matching.Storage;
using Verify.MatchingService.Matching;
using Verify.MatchingService.Matching.Http;
using Verify.MatchingService.Matching.Reference;
using Verify.Pki;
using Verify.Saml.Errors;
using Verify.Saml.Metadata;
using Verify.Saml.Saml;
using Verify.Saml.Trust;
using Verify.Web.Hosting;
using Verify.Web.Replay;

namespace Verify.MatchingService.Production;

/// <summary>
/// The matching service in production mode (<c>verify matching-service start</c>): the department's keys from files
/// (certs-sample refused), the hub's and IDPs' keys from the signed federation metadata or from files, the records in
/// PostgreSQL (migrations checked, applied only when asked) or the department's own local matching service, and
/// <c>POST /match</c> only behind mutual TLS. Every problem is listed before anything starts.
/// </summary>
public static class ProductionMatchingService
{
    /// <summary>Checks <paramref name="settings"/> and builds the app; the caller starts and disposes it.</summary>
    /// <param name="settings">The bound configuration.</param>
    /// <param name="time">The clock.</param>
    /// <param name="migrate">Apply the records store's pending migrations (otherwise pending ones are a problem).</param>
    /// <param name="cancellationToken">Cancels the start-up checks.</param>
    /// <exception cref="MatchingServiceConfigurationException">The configuration cannot run; every problem is listed.</exception>
    public static async Task<WebApplication> BuildAsync(MatchingServiceSettings settings, TimeProvider time, bool migrate, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(time);
        var problems = new List<string>();
        var composed = Compose(settings, time, problems);
        var logic = Logic(settings, time, problems);
        if (problems.Count > 0 || composed is null || logic is null)
        {
            throw new MatchingServiceConfigurationException(problems);
        }

        if (logic.Value.Database is { } database)
        {
            await CheckMigrationsAsync(database, migrate, cancellationToken).ConfigureAwait(false);
        }

        var redis = settings.Redis is null ? null : await ConnectRedisAsync(settings.Redis).ConfigureAwait(false);
        try
        {
            return MatchingServiceApp.Build(
                composed.Value.Options,
                composed.Value.Endpoint,
                logic.Value.Service,
                "Production",
                redis is null ? null : new RedisReplayCache(redis, time, "verify-ms:replay:"),
                services => AddReadinessChecks(services, logic.Value.Database, redis));
        }
        catch (OptionsValidationException invalid)
        {
            throw new MatchingServiceConfigurationException([.. invalid.Failures]);
        }
    }

    private static (MatchingServiceOptions Options, WebAppEndpoint Endpoint)? Compose(MatchingServiceSettings settings, TimeProvider time, List<string> problems)
    {
        var service = settings.MatchingService;
        Require(service.EntityId, "matchingService.entityId", problems);
        Require(settings.Hub.EntityId, "hub.entityId", problems);
        if (!Uri.TryCreate(service.PublicUrl, UriKind.Absolute, out var publicUrl) || publicUrl.Scheme != Uri.UriSchemeHttps)
        {
            problems.Add("matchingService.publicUrl: an absolute https URL is required (the hub reaches the matching service over TLS).");
        }

        IPAddress? listen = null;
        if (service.ListenAddress is not null && !IPAddress.TryParse(service.ListenAddress, out listen))
        {
            problems.Add($"matchingService.listenAddress: '{service.ListenAddress}' is not an IP address.");
        }

        var keys = new ProductionKeyFiles(problems);
        var signing = keys.WithKey(service.Signing, "matchingService.signing");
        var published = keys.Public(service.PublishedSigningCertificates, "matchingService.publishedSigningCertificates");
        if (service.Encryption.Count == 0)
        {
            problems.Add("matchingService.encryption: at least one encryption key is required.");
        }

        var encryption = service.Encryption.Select((k, i) => keys.WithKey(k, $"matchingService.encryption[{i}]")).OfType<X509Certificate2>().ToList();
        var tls = service.Tls is null ? null : keys.WithKey(service.Tls, "matchingService.tls");
        var (hubSigning, hubEncryption, idps) = Parties(settings, keys, time, problems);
        var anchors = Anchors(settings.Trust, keys);
        var matchApi = MatchApi(settings.MatchApi, tls, keys, problems);
        var oidcIdps = OidcIdpFiles.Read(settings.OidcIdps, problems);
        if (problems.Count > 0)
        {
            return null;
        }

        var options = new MatchingServiceOptions
        {
            EntityId = service.EntityId!,
            SigningCertificate = signing!,
            PublishedSigningCertificates = published,
            EncryptionCertificates = encryption,
            HubEntityId = settings.Hub.EntityId!,
            HubSigningCertificates = hubSigning,
            HubEncryptionCertificate = hubEncryption!,
            Idps = idps,
            OidcIdps = oidcIdps,
            TrustAnchors = anchors,
            MinimumLevelOfAssurance = service.MinimumLevelOfAssurance ?? AssuranceLevels.Level2,
            MatchApi = matchApi,
            TimeProvider = time,
        };
        problems.AddRange(options.Problems());
        var endpoint = new WebAppEndpoint(publicUrl!, tls, listen ?? IPAddress.Any, service.ListenPort, tlsTerminatedUpstream: tls is null);
        return (options, endpoint);
    }

    /// <summary>
    /// The hub's keys and the IDPs: from the signed federation metadata (its signature checked with the pinned
    /// metadata-signing certificate, as the hub publishes it), and from files.
    /// </summary>
    private static (List<X509Certificate2> HubSigning, X509Certificate2? HubEncryption, List<TrustedIdp> Idps) Parties(
        MatchingServiceSettings settings, ProductionKeyFiles keys, TimeProvider time, List<string> problems)
    {
        var hubSigning = keys.Public(settings.Hub.SigningCertificates, "hub.signingCertificates");
        var hubEncryption = keys.Public(settings.Hub.EncryptionCertificate, "hub.encryptionCertificate");
        if (settings.Hub.Metadata is { } hubMetadata && settings.Hub.EntityId is { } id
            && RegisteredEntity(hubMetadata, id, "hub.metadata", problems) is { } registeredHub)
        {
            hubSigning.AddRange(keys.Registered(registeredHub.Roles.SelectMany(r => r.CertificatesFor(KeyUse.Signing)), "hub.metadata"));
            hubEncryption ??= keys.Registered(registeredHub.Roles.SelectMany(r => r.CertificatesFor(KeyUse.Encryption)), "hub.metadata").FirstOrDefault();
        }

        var idps = new List<TrustedIdp>();
        foreach (var (idp, i) in settings.Idps.Select((idp, i) => (idp, i)))
        {
            var trust = idp.Trust?.ToUpperInvariant() switch
            {
                null or "PINNED" => TrustKind.Pinned,
                "PKIX" => TrustKind.Pkix,
                _ => (TrustKind?)null,
            };
            if (trust is null)
            {
                problems.Add($"idps[{i}].trust: 'pinned' or 'pkix'.");
                continue;
            }

            var certificates = keys.Public(idp.SigningCertificates, $"idps[{i}].signingCertificates");
            if (idp.Metadata is { } idpMetadata && idp.EntityId is { } idpId
                && RegisteredEntity(idpMetadata, idpId, $"idps[{i}].metadata", problems)?.IdpSsoDescriptor is { } descriptor)
            {
                certificates.AddRange(keys.Registered(descriptor.CertificatesFor(KeyUse.Signing), $"idps[{i}].metadata"));
            }

            idps.Add(new TrustedIdp(idp.EntityId ?? "", certificates, trust.Value));
        }

        if (settings.FederationMetadata is { } federation && settings.Hub.EntityId is { } hubId)
        {
            var metadata = VerifiedFederationMetadata(federation, keys, time, problems);
            if (metadata?.TryGetEntity(hubId, out var hub) == true)
            {
                hubSigning.AddRange(keys.Registered(hub!.Roles.SelectMany(r => r.CertificatesFor(KeyUse.Signing)), "federationMetadata (hub)"));
                hubEncryption ??= keys.Registered(hub.Roles.SelectMany(r => r.CertificatesFor(KeyUse.Encryption)), "federationMetadata (hub)").FirstOrDefault();
            }
            else if (metadata is not null)
            {
                problems.Add($"federationMetadata: the hub '{hubId}' is not in it.");
            }

            // The metadata signer vouches for every IDP's keys: they are trusted as keys (pinned) from here.
            idps.AddRange((metadata?.Entities ?? [])
                .Where(e => e.IdpSsoDescriptor is not null && idps.All(i => i.EntityId != e.EntityId))
                .Select(e => new TrustedIdp(e.EntityId, keys.Registered(e.IdpSsoDescriptor!.CertificatesFor(KeyUse.Signing), $"federationMetadata ({e.EntityId})"))));
        }

        if (hubSigning.Count == 0 || hubEncryption is null)
        {
            problems.Add("hub: its signing and encryption certificates are needed (hub.signingCertificates and hub.encryptionCertificate, or federationMetadata).");
        }

        if (idps.Count == 0)
        {
            problems.Add("idps: at least one IDP is needed (idps, or federationMetadata).");
        }

        return (hubSigning, hubEncryption, idps);
    }

    /// <summary>
    /// A party's own metadata file, registered by the operator (so trusted as it stands, like a certificate file):
    /// read strictly, and it must describe <paramref name="entityId"/>.
    /// </summary>
    private static EntityDescriptor? RegisteredEntity(string path, string entityId, string what, List<string> problems)
    {
        if (!File.Exists(path))
        {
            problems.Add($"{what}: file '{path}' not found.");
            return null;
        }

        try
        {
            var metadata = MetadataReader.Default.Read(Saml.Xml.SecureXml.Load(File.ReadAllBytes(path)));
            var entity = metadata.Entities.FirstOrDefault(e => e.EntityId == entityId);
            if (entity is null)
            {
                problems.Add($"{what}: it does not describe '{entityId}'.");
            }

            return entity;
        }
        catch (SamlException refused)
        {
            problems.Add($"{what}: refused ({refused.Error}).");
            return null;
        }
    }

    private static VerifiedMetadata? VerifiedFederationMetadata(FederationMetadataSettings federation, ProductionKeyFiles keys, TimeProvider time, List<string> problems)
    {
        var signers = keys.Public(federation.SigningCertificates, "federationMetadata.signingCertificates");
        if (federation.File is null || !File.Exists(federation.File) || signers.Count == 0)
        {
            problems.Add("federationMetadata: give 'file' (which must exist) and the metadata signer's 'signingCertificates'.");
            return null;
        }

        try
        {
            return MetadataVerifier.Pinned(signers, time).Verify(File.ReadAllBytes(federation.File));
        }
        catch (SamlException refused)
        {
            problems.Add($"federationMetadata: refused ({refused.Error}).");
            return null;
        }
    }

    private static FederationTrustAnchors? Anchors(TrustAnchorSettings trust, ProductionKeyFiles keys)
    {
        var root = keys.Public(trust.Root, "trust.root");
        return root is null ? null : new FederationTrustAnchors(root, null, keys.Public(trust.IdpCa, "trust.idpCa"), null, null);
    }

    private static MatchApiOptions MatchApi(MatchApiSettings? settings, X509Certificate2? tls, ProductionKeyFiles keys, List<string> problems)
    {
        if (settings is null)
        {
            return MatchApiOptions.Off;
        }

        // Never open in production: only behind mutual TLS, terminated here, with pinned client certificates.
        if (tls is null)
        {
            problems.Add("matchApi: mutual TLS is terminated by this node, so matchingService.tls is required.");
        }

        return new MatchApiOptions
        {
            Mode = MatchApiMode.MutualTls,
            Port = settings.Port,
            ClientCertificates = keys.Public(settings.ClientCertificates, "matchApi.clientCertificates"),
        };
    }

    private static (ILocalMatchingService Service, MatchingDatabase? Database)? Logic(MatchingServiceSettings settings, TimeProvider time, List<string> problems)
    {
        if ((settings.Records is null) == (settings.LocalMatchingService is null))
        {
            problems.Add("records or localMatchingService: give exactly one (the reference engine's PostgreSQL records, or the department's own service).");
            return null;
        }

        if (settings.Records is { } records)
        {
            if (string.IsNullOrWhiteSpace(records.Postgres))
            {
                problems.Add("records.postgres: the PostgreSQL connection string is required.");
                return null;
            }

            var database = MatchingDatabase.Create(MatchingProvider.Postgres, records.Postgres);
            return (new ReferenceLocalMatchingService(ReferenceMatchingEngine.Create(database, new MatchingOptions(), time)), database);
        }

        var local = settings.LocalMatchingService!;
        if (!Url(local.MatchUrl, out var matchUrl) || (local.AccountCreationUrl is not null && !Url(local.AccountCreationUrl, out _)))
        {
            problems.Add("localMatchingService: matchUrl (and accountCreationUrl, if given) must be https, or http to this host (localhost or 127.0.0.1).");
            return null;
        }

        var options = new HttpLocalMatchingServiceOptions
        {
            MatchUrl = matchUrl!,
            AccountCreationUrl = local.AccountCreationUrl is null ? null : new Uri(local.AccountCreationUrl),
            Timeout = TimeSpan.FromSeconds(local.TimeoutSeconds ?? 20),
        };
        var optionProblems = options.Problems();
        if (optionProblems.Count > 0)
        {
            problems.AddRange(optionProblems.Select(p => "localMatchingService: " + p));
            return null;
        }

        return (new HttpLocalMatchingService(new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false }), options), null);
    }

    private static bool Url(string? value, out Uri? url) =>
        Uri.TryCreate(value, UriKind.Absolute, out url)
        && (url.Scheme == Uri.UriSchemeHttps || (url.Scheme == Uri.UriSchemeHttp && url.IsLoopback));

    private static async Task CheckMigrationsAsync(MatchingDatabase database, bool migrate, CancellationToken cancellationToken)
    {
        try
        {
            if (migrate)
            {
                await database.MigrateAsync(cancellationToken).ConfigureAwait(false);
                return;
            }

            var context = database.CreateContext();
            await using (context.ConfigureAwait(false))
            {
                var pending = (await context.Database.GetPendingMigrationsAsync(cancellationToken).ConfigureAwait(false)).ToList();
                if (pending.Count > 0)
                {
                    throw new MatchingServiceConfigurationException(
                        [$"records.postgres: {pending.Count} migration(s) not applied ({string.Join(", ", pending)}). Start once with --migrate, or run 'verify matching import', with the owner role."]);
                }
            }
        }
        catch (Exception ex) when (ex is Npgsql.NpgsqlException or InvalidOperationException)
        {
            throw new MatchingServiceConfigurationException([$"records.postgres: cannot connect ({ex.Message})."]);
        }
    }

    private static async Task<ConnectionMultiplexer> ConnectRedisAsync(string connection)
    {
        try
        {
            return await ConnectionMultiplexer.ConnectAsync(connection + ",abortConnect=true,connectTimeout=5000").ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is RedisConnectionException or ArgumentException)
        {
            throw new MatchingServiceConfigurationException([$"redis: cannot connect ({ex.Message})."]);
        }
    }

    /// <summary>Ready only while the stores a query needs answer: the records database and, when used, Redis.</summary>
    private static void AddReadinessChecks(IServiceCollection services, MatchingDatabase? database, ConnectionMultiplexer? redis)
    {
        var checks = services.AddHealthChecks();
        if (database is not null)
        {
            checks.AddAsyncCheck("records", async ct =>
            {
                var context = database.CreateContext();
                await using (context.ConfigureAwait(false))
                {
                    return await context.Database.CanConnectAsync(ct).ConfigureAwait(false)
                        ? HealthCheckResult.Healthy()
                        : HealthCheckResult.Unhealthy("The records database does not answer.");
                }
            });
        }

        if (redis is not null)
        {
            checks.AddAsyncCheck("redis", async () =>
            {
                await redis.GetDatabase().PingAsync().ConfigureAwait(false);
                return HealthCheckResult.Healthy();
            });
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
