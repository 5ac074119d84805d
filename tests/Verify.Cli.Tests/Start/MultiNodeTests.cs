using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;

using Microsoft.AspNetCore.Builder;

using Npgsql;

using Verify.Saml.Xml;
using Verify.Saml.Xml.Encryption;
using Verify.StubIdp;
using Verify.Testing;
using Verify.Testing.Infra;
using Verify.Testing.Web;
using Verify.TestRp;
using Verify.Web.Hosting;

namespace Verify.Cli.Tests.Start;

/// <summary>
/// Production mode on several nodes (ARCHITECTURE.md: "any node can serve any step of any journey"): two
/// <c>verify start</c> processes share one PostgreSQL and one Redis, and one journey switches process at every hub
/// step — an antiforgery token made by one node is checked by the other, a journey written by one is advanced by the
/// other — and the IDP's answer is taken by the second node after the first has been killed.
/// </summary>
[NonParallelizable]
public sealed class MultiNodeTests
{
    private const string HubEntityId = "https://hub.multinode.test";
    private readonly List<WebApplication> _apps = [];
    private string _dir = null!;
    private string _database = null!;
    private HubNodeProcess _nodeA = null!;
    private HubNodeProcess _nodeB = null!;
    private Uri _rpUrl = null!;
    private Uri _hubUrl = null!;
    private int _idpPort;
    private int _rpPort;
    private string _connection = "";
    private string? _appRole;
    private X509Certificate2 _tlsRoot = null!;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _dir = Directory.CreateTempSubdirectory("verify-multinode-").FullName;
        var (signing, signingFiles) = Key("hub signing", null);
        var (encryption, encryptionFiles) = Key("hub encryption", null);
        var (tls, tlsFiles) = Key("hub tls", ["hub.test", "idp.test", "rp.test"]);
        _tlsRoot = X509CertificateLoader.LoadCertificate(tls.RawData);
        var secret = Path.Combine(_dir, "pairwise.secret");
        await File.WriteAllTextAsync(secret, Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));
        var auditKey = Path.Combine(_dir, "audit.key");
        await File.WriteAllTextAsync(auditKey, Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));
        using (var checkpointKey = ECDsa.Create(ECCurve.NamedCurves.nistP256))
        {
            await File.WriteAllTextAsync(CheckpointKey, checkpointKey.ExportPkcs8PrivateKeyPem());
            await File.WriteAllTextAsync(CheckpointPublicKey, checkpointKey.ExportSubjectPublicKeyInfoPem());
        }

        var connection = _connection = await CreateDatabaseAsync();
        var nodeConnection = await CreateAppRoleAsync(connection);
        Assert.That(CliOutput("db", "migrate", "--connection", connection, "--app-role", _appRole!), Does.StartWith("federation store:"));

        int portA = FreePort(), portB = FreePort();
        _idpPort = FreePort();
        _rpPort = FreePort();
        var hubUrl = _hubUrl = new Uri($"https://hub.test:{portA}/");
        var idpEndpoint = new WebAppEndpoint(new Uri($"https://idp.test:{_idpPort}/"), tls);
        var rpEndpoint = new WebAppEndpoint(new Uri($"https://rp.test:{_rpPort}/"), tls);
        var stub = new StubIdpOptions
        {
            HubEntityId = HubEntityId,
            HubAcsUrl = new Uri(hubUrl, "SAML2/ACS").AbsoluteUri,
            HubSigningCertificates = [X509CertificateLoader.LoadCertificate(signing.RawData)],
            HubEncryptionCertificate = X509CertificateLoader.LoadCertificate(encryption.RawData),
            SigningCertificate = SampleCerts.CertificateWithKey("stub-idp-signing"),
        };
        var rp = new TestRpOptions
        {
            HubEntityId = HubEntityId,
            HubSsoUrl = new Uri(hubUrl, "SAML2/SSO"),
            HubSigningCertificates = [X509CertificateLoader.LoadCertificate(signing.RawData)],
            SigningCredential = SigningCredential.FromCertificate(SampleCerts.CertificateWithKey("test-rp-signing")),
            DecryptionKeys = [DecryptionKey.FromCertificate(SampleCerts.CertificateWithKey("test-rp-encryption"))],
            RequestedLevels = [Verify.Saml.Saml.AuthnContexts.Level1],
        };
        var idpXml = Path.Combine(_dir, "idp.xml");
        var rpXml = Path.Combine(_dir, "rp.xml");
        StubIdpApp.RegistrationMetadata(stub, idpEndpoint, "stub-idp-one").Save(idpXml);
        TestRpMetadata.Build(rp, rpEndpoint.PublicBaseUrl).Save(rpXml);
        Assert.That(Cli("rp", "add", "--metadata", rpXml, "--loa", "LEVEL_1", "--loa", "LEVEL_2", "--provider", "postgres", "--connection", connection), Is.Zero);
        Assert.That(Cli("idp", "add", "--metadata", idpXml, "--loa", "LEVEL_1", "--loa", "LEVEL_2", "--trust", "pinned", "--provider", "postgres", "--connection", connection), Is.Zero);

        var config = Path.Combine(_dir, "hub.json");
        await File.WriteAllTextAsync(config, JsonSerializer.Serialize(new
        {
            hub = new
            {
                entityId = HubEntityId,
                publicUrl = hubUrl.AbsoluteUri,
                listenAddress = "127.0.0.1",
                tls = tlsFiles,
                signing = signingFiles,
                encryption = new[] { encryptionFiles },
                pairwiseSecretFile = secret,
            },
            // Nodes connect as the application role: what `db migrate --app-role` granted is all they need.
            postgres = nodeConnection,
            redis = TestServers.Redis,
            audit = new { keyFile = auditKey },
        }));

        // Node B also writes the audit checkpoints (one writer, as the operator would configure it).
        _nodeA = new HubNodeProcess(config, portA);
        _nodeB = new HubNodeProcess(config, portB, new Dictionary<string, string>
        {
            ["VERIFY_audit__checkpoints__key"] = CheckpointKey,
            ["VERIFY_audit__checkpoints__file"] = Checkpoints,
            ["VERIFY_audit__checkpoints__intervalSeconds"] = "5",
        });
        _apps.Add(StubIdpApp.Build(stub, idpEndpoint, "Test"));
        _apps.Add(TestRpApp.Build(rp, rpEndpoint, "Test"));
        foreach (var app in _apps)
        {
            await app.StartAsync();
        }

        _rpUrl = rpEndpoint.PublicBaseUrl;
        await ReadyAsync(_nodeA);
        await ReadyAsync(_nodeB);
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        _nodeA?.Dispose();
        _nodeB?.Dispose();
        _tlsRoot?.Dispose();
        foreach (var app in _apps)
        {
            await app.DisposeAsync();
        }

        if (_database is not null)
        {
            await using var admin = new NpgsqlConnection(TestServers.Postgres);
            await admin.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_database}\" WITH (FORCE)", admin);
            await drop.ExecuteNonQueryAsync();
            if (_appRole is not null)
            {
                await using var dropRole = new NpgsqlCommand($"DROP ROLE IF EXISTS {_appRole}", admin);
                await dropRole.ExecuteNonQueryAsync();
            }
        }

        Directory.Delete(_dir, recursive: true);
    }

    [Test]
    public async Task OpenIdProviderStore_IsSharedInPostgres_AndTheAppRoleMayKeepAndPruneTokensOnly()
    {
        await using var owner = new NpgsqlConnection(_connection);
        await owner.OpenAsync();
        await using var privileges = new NpgsqlCommand(
            $"""
            SELECT has_table_privilege('{_appRole}', '"OpenIddictTokens"', 'INSERT')
                   AND has_table_privilege('{_appRole}', '"OpenIddictTokens"', 'UPDATE')
                   AND has_table_privilege('{_appRole}', '"OpenIddictTokens"', 'DELETE'),
                   has_table_privilege('{_appRole}', '"OpenIddictAuthorizations"', 'DELETE'),
                   has_table_privilege('{_appRole}', '"OpenIddictApplications"', 'INSERT'),
                   has_table_privilege('{_appRole}', 'audit_events', 'DELETE')
            """, owner);
        await using var reader = await privileges.ExecuteReaderAsync();
        await reader.ReadAsync();
        using var b = Client(new CookieContainer(), _nodeB); // node A may have been stopped by the journey test

        var discovery = await b.GetAsync(new Uri(_hubUrl, "/.well-known/openid-configuration"));

        Assert.Multiple(() =>
        {
            Assert.That((reader.GetBoolean(0), reader.GetBoolean(1)), Is.EqualTo((true, true)), "codes and tokens kept and pruned by every node");
            Assert.That(reader.GetBoolean(2), Is.False, "clients come from the federation store, never written by a node");
            Assert.That(reader.GetBoolean(3), Is.False, "the audit trail stays append-only");
            Assert.That(discovery.StatusCode, Is.EqualTo(HttpStatusCode.OK), "a node running as the app role serves the OpenID Provider");
        });
    }

    [Test]
    public async Task OneJourney_SwitchesHubProcessAtEveryStep_AndSurvivesTheFirstNodeDying()
    {
        var cookies = new CookieContainer();
        using var a = Client(cookies, _nodeA);
        using var b = Client(cookies, _nodeB);

        var rpStart = await a.GetAsync(_rpUrl);
        var toHub = await a.SubmitAsync(rpStart);
        var sso = await PostSamlAsync(a, toHub);                                    // node A: AuthnRequest, journey created
        var start = await b.FollowAsync(sso);                                       // node B: reads it
        var chosen = await a.SubmitAsync(start, set: ("Intent", "registration"));   // node A: B's antiforgery token
        var choose = await b.FollowAsync(chosen);                                   // node B
        var toIdp = await a.SubmitAsync(choose, set: ("Idp", "https://idp.test/stub-idp-one"));  // node A: IdpSelected
        var login = await b.FollowAsync(await PostSamlAsync(b, toIdp));
        var toAcs = await b.SubmitAsync(login, set: ("outcome", "success-level2"));

        _nodeA.Dispose();
        var answered = await PostSamlAsync(b, toAcs);                               // node B alone: the IDP's answer
        var outcome = await PostSamlAsync(b, answered);

        var html = await outcome.Content.ReadAsStringAsync();
        Assert.That(Html.Heading(html), Is.EqualTo("You have proved your identity"), html + _nodeB.Output);
        Assert.That(Html.Parse(html).QuerySelector("#pairwise-identifier")?.TextContent.Trim(), Does.Match("^[0-9a-f]{64}$"));

        // Both processes wrote one audit chain (five events: started, intent, IDP chosen, IDP succeeded, answered),
        // and node B's timer checkpointed it outside the database; the operator's check finds it intact.
        var verified = "";
        for (var attempt = 0; attempt < 40 && !verified.Contains("5 events", StringComparison.Ordinal); attempt++)
        {
            await Task.Delay(500);
            verified = CliOutput("audit", "verify", "--checkpoints", Checkpoints, "--public-key", CheckpointPublicKey, "--provider", "postgres", "--connection", _connection);
        }

        Assert.That(verified, Does.StartWith("audit chain intact: 5 events"), _nodeB.Output);
    }

    private static async Task<HttpResponseMessage> PostSamlAsync(HttpClient client, HttpResponseMessage page)
    {
        var html = await page.Content.ReadAsStringAsync();
        Assert.That(page.StatusCode, Is.EqualTo(HttpStatusCode.OK), html);
        var (action, fields) = Html.Form(html, "#saml-post");
        return await client.PostFormAsync(action, fields);
    }

    /// <summary>A browser whose hub.test requests all go to <paramref name="node"/>; other hosts to their own ports.</summary>
    private HttpClient Client(CookieContainer cookies, HubNodeProcess node)
    {
        var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            CookieContainer = cookies,
            ConnectCallback = async (context, cancellationToken) =>
            {
                var port = context.DnsEndPoint.Host == "hub.test" ? node.ListenPort : context.DnsEndPoint.Port;
                var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                await socket.ConnectAsync(IPAddress.Loopback, port, cancellationToken);
                return new NetworkStream(socket, ownsSocket: true);
            },
            SslOptions = new SslClientAuthenticationOptions
            {
                RemoteCertificateValidationCallback = (_, certificate, _, _) => certificate is not null && certificate.GetCertHash().SequenceEqual(_tlsRoot.GetCertHash()),
            },
        };
        return new HttpClient(handler);
    }

    private async Task ReadyAsync(HubNodeProcess node)
    {
        using var client = Client(new CookieContainer(), node);
        for (var attempt = 0; attempt < 240; attempt++)
        {
            Assert.That(node.HasExited, Is.False, () => "the hub node exited:\n" + node.Output);
            try
            {
                using var ready = await client.GetAsync(new Uri($"https://hub.test:{node.ListenPort}/health/ready"));
                if (ready.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(250);
        }

        Assert.Fail("the hub node never became ready:\n" + node.Output);
    }

    /// <summary>An ordinary login role for the hub nodes (not the owner, not a superuser); its connection string.</summary>
    private async Task<string> CreateAppRoleAsync(string ownerConnection)
    {
        _appRole = "verify_hub_" + Guid.NewGuid().ToString("N")[..12];
        var password = Guid.NewGuid().ToString("N");
        await using var admin = new NpgsqlConnection(TestServers.Postgres);
        await admin.OpenAsync();
        await using var create = new NpgsqlCommand($"CREATE ROLE {_appRole} LOGIN PASSWORD '{password}'", admin);
        await create.ExecuteNonQueryAsync();
        return new NpgsqlConnectionStringBuilder(ownerConnection) { Username = _appRole, Password = password }.ConnectionString;
    }

    private async Task<string> CreateDatabaseAsync()
    {
        _database = "verify_multinode_" + Guid.NewGuid().ToString("N")[..12];
        await using var admin = new NpgsqlConnection(TestServers.Postgres);
        await admin.OpenAsync();
        await using var create = new NpgsqlCommand($"CREATE DATABASE \"{_database}\"", admin);
        await create.ExecuteNonQueryAsync();
        return new NpgsqlConnectionStringBuilder(TestServers.Postgres) { Database = _database }.ConnectionString;
    }

    private (X509Certificate2 Certificate, object Files) Key(string name, string[]? dnsNames)
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest($"CN=Verify {name}, O=Multi-node test federation", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        if (dnsNames is not null)
        {
            var san = new SubjectAlternativeNameBuilder();
            foreach (var dns in dnsNames)
            {
                san.AddDnsName(dns);
            }

            request.CertificateExtensions.Add(san.Build());
        }

        var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        var stem = Path.Combine(_dir, name.Replace(' ', '-'));
        File.WriteAllText(stem + ".crt", certificate.ExportCertificatePem());
        File.WriteAllText(stem + ".key", rsa.ExportPkcs8PrivateKeyPem());
        return (X509CertificateLoader.LoadPkcs12(certificate.Export(X509ContentType.Pkcs12), null), new { certificate = stem + ".crt", key = stem + ".key" });
    }

    private string CheckpointKey => Path.Combine(_dir, "audit-checkpoint.key");

    private string CheckpointPublicKey => Path.Combine(_dir, "audit-checkpoint.pub");

    private string Checkpoints => Path.Combine(_dir, "audit-checkpoints.jsonl");

    private static string CliOutput(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = CliApplication.CreateDefault(TimeProvider.System).Invoke(args, output, error);
        return code == 0 ? output.ToString() : $"exit {code}: {output}{error}";
    }

    private static int Cli(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = CliApplication.CreateDefault(TimeProvider.System).Invoke(args, output, error);
        TestContext.Out.WriteLine($"verify {string.Join(' ', args.Take(2))}: {code}\n{output}{error}");
        return code;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
