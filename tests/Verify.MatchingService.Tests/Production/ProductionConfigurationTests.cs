using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

using Npgsql;

using Verify.Matching.Storage;
using Verify.MatchingService.Production;
using Verify.MatchingService.Tests.Support;
using Verify.Pki;
using Verify.Saml.Metadata;
using Verify.Saml.Samlp;
using Verify.Saml.Xml;
using Verify.Testing;
using Verify.Testing.Infra;

namespace Verify.MatchingService.Tests.Production;

/// <summary>
/// <c>verify matching-service start</c>'s production composition: every problem listed before anything starts,
/// certs-sample refused, the hub's and IDPs' keys from signed federation metadata, PostgreSQL records with
/// migrations checked, and no <c>POST /match</c> unless behind mutual TLS.
/// </summary>
public sealed class ProductionConfigurationTests
{
    private static readonly string[] SampleRefusals = ["matchingService.signing", "hub.signingCertificates[0]"];

    private DirectoryInfo _folder = null!;

    [SetUp]
    public void CreateFolder() => _folder = Directory.CreateTempSubdirectory("verify-msa-production-");

    [TearDown]
    public void DeleteFolder() => _folder.Delete(recursive: true);

    [Test]
    public void EmptyConfiguration_ListsEveryProblem()
    {
        var refused = Assert.ThrowsAsync<MatchingServiceConfigurationException>(() => BuildAsync(new MatchingServiceSettings()));

        Assert.That(refused!.Problems, Has.Some.StartsWith("matchingService.entityId")
            .And.Some.StartsWith("matchingService.publicUrl")
            .And.Some.StartsWith("matchingService.signing")
            .And.Some.StartsWith("matchingService.encryption")
            .And.Some.StartsWith("hub.entityId")
            .And.Some.StartsWith("records or localMatchingService"));
    }

    [Test]
    public void SampleCertificates_AreRefused()
    {
        var settings = Settings(Key("unused"), Key("unused"));
        settings.MatchingService.Signing = new KeyFileSettings { Certificate = SampleCerts.CertificatePath("matching-service-signing"), Key = SampleCerts.KeyPath("matching-service-signing") };
        settings.Hub.SigningCertificates = [SampleCerts.CertificatePath("hub-signing")];

        var refused = Assert.ThrowsAsync<MatchingServiceConfigurationException>(() => BuildAsync(settings));

        Assert.That(refused!.Problems.Where(p => p.Contains("certs-sample development certificate", StringComparison.Ordinal)).Select(p => p.Split(':')[0]),
            Is.EquivalentTo(SampleRefusals));
    }

    [Test]
    public async Task FederationMetadataPostgresAndRedis_Start_ReadyWithoutAMatchEndpoint()
    {
        var database = $"verify_msa_production_{Guid.NewGuid():N}";
        var settings = Settings(Key("ms-signing"), Key("ms-encryption"));
        settings.Records = new RecordsSettings { Postgres = new NpgsqlConnectionStringBuilder(TestServers.Postgres) { Database = database }.ConnectionString };
        settings.Redis = TestServers.Redis;
        var port = MatchingServiceHost.FreePort();
        settings.MatchingService.PublicUrl = $"https://ms.test:{port}/";
        settings.MatchingService.ListenPort = port;

        var notMigrated = Assert.ThrowsAsync<MatchingServiceConfigurationException>(() => BuildAsync(settings));
        var app = await BuildAsync(settings, migrate: true);
        try
        {
            await app.StartAsync();

            // TLS is terminated in front of this node: it listens in plain http on loopback.
            using var client = new HttpClient();
            using var metadata = await client.GetAsync($"http://127.0.0.1:{port}/SAML2/metadata");
            using var match = await client.PostAsync($"http://127.0.0.1:{port}/match", new StringContent("{}", Encoding.UTF8, "application/json"));
            using var live = await client.GetAsync($"http://127.0.0.1:{port}/health/live");
            using var ready = await client.GetAsync($"http://127.0.0.1:{port}/health/ready");
            var entity = (EntityDescriptor)MetadataReader.Default.Read(SecureXml.Load(await metadata.Content.ReadAsByteArrayAsync()));

            Assert.Multiple(() =>
            {
                Assert.That(notMigrated!.Problems.Single(), Does.Contain("migration(s) not applied"));
                Assert.That(metadata.StatusCode, Is.EqualTo(HttpStatusCode.OK));
                Assert.That(entity.AttributeAuthorityDescriptor!.AttributeService(SamlBindings.Soap)!.Location, Is.EqualTo($"https://ms.test:{port}/SAML2/SOAP/AttributeQuery"));
                Assert.That(match.StatusCode, Is.EqualTo(HttpStatusCode.NotFound), "never open in production");
                Assert.That((live.StatusCode, ready.StatusCode), Is.EqualTo((HttpStatusCode.OK, HttpStatusCode.OK)));
            });
        }
        finally
        {
            await app.StopAsync();
            await app.DisposeAsync();
            await using var context = MatchingDatabase.Create(MatchingProvider.Postgres, settings.Records.Postgres!).CreateContext();
            NpgsqlConnection.ClearAllPools();
            try
            {
                await context.Database.EnsureDeletedAsync();
            }
            catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.InsufficientPrivilege)
            {
                // DROP DATABASE … WITH (FORCE) may meet a backend of another role on the shared test server (seen once in
                // CI); the database is a throwaway on a throwaway server, so leaving it is harmless.
                TestContext.Out.WriteLine($"left database {database}: {e.MessageText}");
            }
        }
    }

    [Test]
    public void UnreachableRedis_IsAProblemBeforeAnythingStarts()
    {
        var settings = Settings(Key("ms-signing"), Key("ms-encryption"));
        settings.LocalMatchingService = new LocalMatchingServiceSettings { MatchUrl = "http://127.0.0.1:9/match" };
        settings.Redis = $"127.0.0.1:{MatchingServiceHost.FreePort()}";

        var refused = Assert.ThrowsAsync<MatchingServiceConfigurationException>(() => BuildAsync(settings));

        Assert.That(refused!.Problems.Single(), Does.StartWith("redis: cannot connect"));
    }

    [Test]
    public void PartiesOwnMetadataFiles_GiveTheirKeys_AndSampleKeysInThemAreRefused()
    {
        var settings = Settings(Key("ms-signing"), Key("ms-encryption"));
        settings.FederationMetadata = null;
        settings.LocalMatchingService = new LocalMatchingServiceSettings { MatchUrl = "http://127.0.0.1:9/match" };
        settings.Hub.Metadata = EntityFile("hub.xml", Parties.HubEntityId, Load(Key("hub-signing")), Load(Key("hub-encryption")));
        settings.Idps = [new IdpSettings { EntityId = Parties.IdpEntityId, Metadata = EntityFile("idp.xml", Parties.IdpEntityId, SampleCerts.Certificate("stub-idp-signing"), null) }];

        var refused = Assert.ThrowsAsync<MatchingServiceConfigurationException>(() => BuildAsync(settings));

        Assert.Multiple(() =>
        {
            Assert.That(refused!.Problems, Has.None.StartsWith("hub"), "the hub's keys came from its metadata");
            Assert.That(refused.Problems, Has.Some.StartsWith("idps[0].metadata").And.Some.Contains("certs-sample development certificate"));
        });
    }

    [Test]
    public void MatchApi_InProduction_NeedsTlsTerminatedHere()
    {
        var settings = Settings(Key("ms-signing"), Key("ms-encryption"));
        settings.LocalMatchingService = new LocalMatchingServiceSettings { MatchUrl = "http://127.0.0.1:9/match" };
        settings.MatchApi = new MatchApiSettings { Port = 9443, ClientCertificates = [Key("client").Certificate!] };

        var refused = Assert.ThrowsAsync<MatchingServiceConfigurationException>(() => BuildAsync(settings));

        Assert.That(refused!.Problems, Has.Some.StartsWith("matchApi: mutual TLS is terminated by this node"));
    }

    [Test]
    public void LocalMatchingService_OverPlainHttpToAnotherHost_IsRefused()
    {
        var settings = Settings(Key("ms-signing"), Key("ms-encryption"));
        settings.LocalMatchingService = new LocalMatchingServiceSettings { MatchUrl = "http://matching.department.internal/match" };

        var refused = Assert.ThrowsAsync<MatchingServiceConfigurationException>(() => BuildAsync(settings));

        Assert.That(refused!.Problems, Has.Some.StartsWith("localMatchingService: matchUrl"));
    }

    private static Task<Microsoft.AspNetCore.Builder.WebApplication> BuildAsync(MatchingServiceSettings settings, bool migrate = false) =>
        ProductionMatchingService.BuildAsync(settings, new FakeTimeProvider(DateTimeOffset.UtcNow), migrate, CancellationToken.None);

    /// <summary>A department's configuration with its own keys, and the hub and an IDP from signed federation metadata.</summary>
    private MatchingServiceSettings Settings(KeyFileSettings signing, KeyFileSettings encryption) => new()
    {
        MatchingService = new ServiceSettings
        {
            EntityId = Parties.MatchingServiceEntityId,
            PublicUrl = "https://ms.test/",
            ListenAddress = "127.0.0.1",
            Signing = signing,
            Encryption = [encryption],
        },
        Hub = new HubPartySettings { EntityId = Parties.HubEntityId },
        FederationMetadata = FederationMetadata(),
    };

    private FederationMetadataSettings FederationMetadata()
    {
        var signer = Key("metadata-signing");
        var hubSigning = Key("hub-signing");
        var hubEncryption = Key("hub-encryption");
        var idpSigning = Key("idp-signing");
        var federation = new EntitiesDescriptor
        {
            Members =
            [
                new EntityDescriptor
                {
                    EntityId = Parties.HubEntityId,
                    Roles =
                    [
                        new SpSsoDescriptor
                        {
                            KeyDescriptors =
                            [
                                new KeyDescriptor { Use = KeyUse.Signing, Certificates = [Load(hubSigning)] },
                                new KeyDescriptor { Use = KeyUse.Encryption, Certificates = [Load(hubEncryption)] },
                            ],
                            AssertionConsumerServices = [new IndexedEndpoint { Index = 0, Binding = SamlBindings.HttpPost, Location = "https://hub.test/SAML2/SSO/Response/POST" }],
                        },
                    ],
                },
                new EntityDescriptor
                {
                    EntityId = Parties.IdpEntityId,
                    Roles =
                    [
                        new IdpSsoDescriptor
                        {
                            KeyDescriptors = [new KeyDescriptor { Use = KeyUse.Signing, Certificates = [Load(idpSigning)] }],
                            SingleSignOnServices = [new Verify.Saml.Metadata.Endpoint { Binding = SamlBindings.HttpPost, Location = "https://idp.test/SSO" }],
                        },
                    ],
                },
            ],
        };
        var document = MetadataWriter.Write(federation);
        using var credential = SigningCredential.FromCertificate(X509Certificate2.CreateFromPemFile(signer.Certificate!, signer.Key));
        MetadataSigner.Sign(document, credential, DateTimeOffset.UtcNow.AddDays(7));
        var file = Path.Combine(_folder.FullName, "federation.xml");
        File.WriteAllText(file, document.OuterXml);
        return new FederationMetadataSettings { File = file, SigningCertificates = [signer.Certificate!] };
    }

    /// <summary>An unsigned EntityDescriptor file for one party, as its operator would register it.</summary>
    private string EntityFile(string name, string entityId, X509Certificate2 signing, X509Certificate2? encryption)
    {
        var keys = new List<KeyDescriptor> { new() { Use = KeyUse.Signing, Certificates = [signing] } };
        if (encryption is not null)
        {
            keys.Add(new KeyDescriptor { Use = KeyUse.Encryption, Certificates = [encryption] });
        }

        RoleDescriptor role = encryption is null
            ? new IdpSsoDescriptor { KeyDescriptors = keys, SingleSignOnServices = [new Verify.Saml.Metadata.Endpoint { Binding = SamlBindings.HttpPost, Location = "https://idp.test/SSO" }] }
            : new SpSsoDescriptor { KeyDescriptors = keys, AssertionConsumerServices = [new IndexedEndpoint { Index = 0, Binding = SamlBindings.HttpPost, Location = "https://hub.test/ACS" }] };
        var file = Path.Combine(_folder.FullName, name);
        File.WriteAllText(file, MetadataWriter.Write(new EntityDescriptor { EntityId = entityId, Roles = [role] }).OuterXml);
        return file;
    }

    /// <summary>A fresh RSA key and self-signed certificate, as PEM files (not certs-sample: production accepts it).</summary>
    private KeyFileSettings Key(string name)
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest($"CN={name}, O=Test department", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        var certificatePath = Path.Combine(_folder.FullName, name + ".crt");
        var keyPath = Path.Combine(_folder.FullName, name + ".key");
        File.WriteAllText(certificatePath, certificate.ExportCertificatePem());
        File.WriteAllText(keyPath, rsa.ExportPkcs8PrivateKeyPem());
        return new KeyFileSettings { Certificate = certificatePath, Key = keyPath };
    }

    private static X509Certificate2 Load(KeyFileSettings key) => X509CertificateLoader.LoadCertificateFromFile(key.Certificate!);
}
