using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;

using Npgsql;

using Verify.Saml.Saml;
using Verify.Saml.Xml;
using Verify.Saml.Xml.Encryption;
using Verify.StubIdp;
using Verify.TestRp;
using Verify.Web.Hosting;

namespace Verify.LoadBenchmark;

/// <summary>
/// One run's federation, set up as an operator would: fresh keys, a fresh database migrated with
/// <c>verify db migrate</c>, the stub IDP and the test RPs registered from their metadata with
/// <c>verify federation import</c>, and a <c>hub.json</c> for <c>verify start</c> with the audit trail on.
/// </summary>
internal sealed class BenchFederation
{
    public const string HubEntityId = "https://hub.load.test";
    public const string IdpEntityId = "https://idp.load.test/stub-idp-one";
    private const string IdpSlug = "stub-idp-one";
    private static readonly string[] RpLevels = ["LEVEL_2"];
    private static readonly string[] IdpLevels = ["LEVEL_1", "LEVEL_2"];

    private BenchFederation()
    {
    }

    public required string Folder { get; init; }

    public required string Database { get; init; }

    public required string Connection { get; init; }

    public required string ConfigFile { get; init; }

    public required Uri HubUrl { get; init; }

    public required int HubPort { get; init; }

    public required X509Certificate2 Tls { get; init; }

    public required StubIdpOptions Idp { get; init; }

    public required WebAppEndpoint IdpEndpoint { get; init; }

    public required IReadOnlyList<(TestRpOptions Options, WebAppEndpoint Endpoint)> Rps { get; init; }

    public static async Task<BenchFederation> CreateAsync(LoadOptions options, VerifyCli cli, string folder)
    {
        var keys = new BenchKeys(folder);
        var signing = keys.Rsa("hub-signing");
        var encryption = keys.Rsa("hub-encryption");
        var tls = keys.Rsa("tls", "hub.test", "idp.test", "rp.test");
        var (database, connection) = await CreateDatabaseAsync(options.Postgres).ConfigureAwait(false);
        await cli.RunAsync("db", "migrate", "--connection", connection).ConfigureAwait(false);

        var hubPort = FreePort();
        var hubUrl = new Uri($"https://hub.test:{hubPort}/");
        var idpEndpoint = new WebAppEndpoint(new Uri($"https://idp.test:{FreePort()}/"), tls.Certificate);
        var idp = new StubIdpOptions
        {
            HubEntityId = HubEntityId,
            HubAcsUrl = new Uri(hubUrl, "SAML2/ACS").AbsoluteUri,
            HubSigningCertificates = [signing.PublicOnly()],
            HubEncryptionCertificate = encryption.PublicOnly(),
            SigningCertificate = keys.Rsa("idp-signing").Certificate,
            Idps = [new WhiteLabelIdp(IdpSlug, IdpEntityId, "Stub IDP One")],
        };
        StubIdpApp.RegistrationMetadata(idp, idpEndpoint, IdpSlug).Save(Path.Combine(folder, "idp.xml"));

        var rps = new List<(TestRpOptions, WebAppEndpoint)>();
        for (var i = 1; i <= options.RelyingParties; i++)
        {
            var endpoint = new WebAppEndpoint(new Uri($"https://rp.test:{FreePort()}/"), tls.Certificate);
            var rp = new TestRpOptions
            {
                EntityId = $"https://rp-{i}.load.test",
                DisplayName = $"Load test service {i}",
                HubEntityId = HubEntityId,
                HubSsoUrl = new Uri(hubUrl, "SAML2/SSO"),
                HubSigningCertificates = [signing.PublicOnly()],
                SigningCredential = SigningCredential.FromCertificate(keys.Rsa($"rp-{i}-signing").Certificate),
                DecryptionKeys = [DecryptionKey.FromCertificate(keys.Rsa($"rp-{i}-encryption").Certificate)],
                RequestedLevels = [AuthnContexts.Level2],
            };
            TestRpMetadata.Build(rp, endpoint.PublicBaseUrl).Save(Path.Combine(folder, $"rp-{i}.xml"));
            rps.Add((rp, endpoint));
        }

        // One `verify federation import` for every party (as `verify idp add` and `verify rp add` would, one by one).
        await File.WriteAllTextAsync(Path.Combine(folder, "federation.json"), JsonSerializer.Serialize(new
        {
            relyingParties = Enumerable.Range(1, options.RelyingParties).Select(i => new { metadata = $"rp-{i}.xml", levels = RpLevels }),
            identityProviders = new[] { new { metadata = "idp.xml", levels = IdpLevels, trust = "pinned" } },
        }, JsonOptions)).ConfigureAwait(false);
        await cli.RunAsync("federation", "import", folder, "--provider", "postgres", "--connection", connection).ConfigureAwait(false);

        var config = Path.Combine(folder, "hub.json");
        await File.WriteAllTextAsync(config, JsonSerializer.Serialize(new
        {
            hub = new
            {
                entityId = HubEntityId,
                publicUrl = hubUrl.AbsoluteUri,
                listenAddress = "127.0.0.1",
                tls = options.HubTls ? tls.Settings : null,
                signing = signing.Settings,
                encryption = new[] { encryption.Settings },
                pairwiseSecretFile = keys.Secret("pairwise.secret"),
            },
            postgres = connection,
            redis = options.Redis,
            audit = new
            {
                keyFile = keys.Secret("audit.secret"),
                checkpoints = new { key = keys.EcPrivateKey("audit-checkpoint"), file = Path.Combine(folder, "audit-checkpoints.jsonl"), intervalSeconds = 60 },
            },
        }, JsonOptions)).ConfigureAwait(false);

        return new BenchFederation
        {
            Folder = folder,
            Database = database,
            Connection = connection,
            ConfigFile = config,
            HubUrl = hubUrl,
            HubPort = hubPort,
            Tls = tls.PublicOnly(),
            Idp = idp,
            IdpEndpoint = idpEndpoint,
            Rps = rps,
        };
    }

    public async Task DropDatabaseAsync(string adminConnection)
    {
        NpgsqlConnection.ClearAllPools();
        var admin = new NpgsqlConnection(adminConnection);
        await using (admin.ConfigureAwait(false))
        {
            await admin.OpenAsync().ConfigureAwait(false);
            using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{Database}\" WITH (FORCE)", admin);
            await drop.ExecuteNonQueryAsync().ConfigureAwait(false);
        }
    }

    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        WriteIndented = true,
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
    };

    private static async Task<(string Database, string Connection)> CreateDatabaseAsync(string adminConnection)
    {
        var database = "verify_load_" + Guid.NewGuid().ToString("N")[..12];
        var admin = new NpgsqlConnection(adminConnection);
        await using (admin.ConfigureAwait(false))
        {
            await admin.OpenAsync().ConfigureAwait(false);
            using var create = new NpgsqlCommand($"CREATE DATABASE \"{database}\"", admin);
            await create.ExecuteNonQueryAsync().ConfigureAwait(false);
        }

        return (database, new NpgsqlConnectionStringBuilder(adminConnection) { Database = database }.ConnectionString);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
