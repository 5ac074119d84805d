using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

using Verify.Cli.Start;
using Verify.Pki;
using Verify.Testing;

namespace Verify.Cli.Tests.Start;

/// <summary>
/// <c>verify start</c> checks its configuration before it touches a store, and lists every problem as a sentence an
/// operator can act on: sample keys refused, missing or mismatched key files, a missing secret, a non-https URL.
/// </summary>
public sealed class ProductionConfigurationTests
{
    private string _dir = null!;

    [SetUp]
    public void MakeFolder() => Directory.CreateDirectory(_dir = Path.Combine(Path.GetTempPath(), "verify-prod-" + Guid.NewGuid().ToString("N")));

    [TearDown]
    public void RemoveFolder() => Directory.Delete(_dir, recursive: true);

    [Test]
    public void SampleKeys_AreRefused()
    {
        var settings = Valid();
        settings.Hub.Signing = new KeyFileSettings { Certificate = SampleCerts.CertificatePath("hub-signing"), Key = SampleCerts.KeyPath("hub-signing") };

        var problems = ProblemsOf(settings);

        Assert.That(problems, Has.Some.Contains("hub.signing").And.Contains("certs-sample development certificate"));
    }

    [Test]
    public void AKeyThatIsNotTheCertificatesKey_IsRefused()
    {
        var settings = Valid();
        var other = Pem("other");
        settings.Hub.Signing = new KeyFileSettings { Certificate = settings.Hub.Signing!.Certificate, Key = other.Key };

        Assert.That(ProblemsOf(settings), Has.Some.StartsWith("hub.signing: the key could not be loaded or does not match"));
    }

    [Test]
    public void MissingFilesAndSettings_AreAllListedAtOnce()
    {
        var settings = new ProductionSettings
        {
            Hub = new HubSettings
            {
                PublicUrl = "http://hub.example",
                Signing = new KeyFileSettings { Certificate = Path.Combine(_dir, "missing.crt"), Key = Path.Combine(_dir, "missing.key") },
            },
        };

        var problems = ProblemsOf(settings);

        Assert.That(problems, Has.Some.StartsWith("hub.entityId: required"));
        Assert.That(problems, Has.Some.StartsWith("postgres"));
        Assert.That(problems, Has.Some.StartsWith("redis"));
        Assert.That(problems, Has.Some.StartsWith("hub.publicUrl: an absolute https URL"));
        Assert.That(problems, Has.Some.Contains("missing.crt' not found"));
        Assert.That(problems, Has.Some.StartsWith("hub.encryption"));
        Assert.That(problems, Has.Some.StartsWith("hub.pairwiseSecretFile"));
    }

    [Test]
    public void AMissingAuditKey_IsRefused()
    {
        var settings = Valid();
        settings.Audit.KeyFile = null;

        Assert.That(ProblemsOf(settings), Has.Some.StartsWith("audit.keyFile: not configured"));
    }

    [Test]
    public void TheAuditKey_MustDifferFromThePairwiseSecret()
    {
        var settings = Valid();
        settings.Audit.KeyFile = settings.Hub.PairwiseSecretFile;

        Assert.That(ProblemsOf(settings), Has.Some.Contains("audit key must differ from the pairwise secret"));
    }

    [Test]
    public void ACheckpointKeyThatIsNotAPrivateKey_IsRefused()
    {
        var settings = Valid();
        var notAKey = Path.Combine(_dir, "not-a-key.pem");
        File.WriteAllText(notAKey, "-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----\n");
        settings.Audit.Checkpoints = new CheckpointSettings { Key = notAKey, File = Path.Combine(_dir, "checkpoints.jsonl") };

        Assert.That(ProblemsOf(settings), Has.Some.StartsWith("audit.checkpoints.key"));
    }

    [Test]
    public void ATelemetryEndpointThatIsNotAUrl_IsRefused()
    {
        var settings = Valid();
        settings.Telemetry.OtlpEndpoint = "collector:4318";

        Assert.That(ProblemsOf(settings), Has.Some.StartsWith("telemetry.otlpEndpoint"));
    }

    [Test]
    public void AShortPairwiseSecret_IsRefused()
    {
        var settings = Valid();
        File.WriteAllText(settings.Hub.PairwiseSecretFile!, Convert.ToBase64String(new byte[16]));

        Assert.That(ProblemsOf(settings), Has.Some.Contains("pairwise secret must be at least 32 bytes"));
    }

    [Test]
    public void APkcs12KeyWithItsPasswordFile_IsAccepted_AsFarAsTheStores()
    {
        var settings = Valid();
        using var cert = MakeCertificate("p12");
        File.WriteAllBytes(Path.Combine(_dir, "signing.p12"), cert.Export(X509ContentType.Pkcs12, "s3cret"));
        File.WriteAllText(Path.Combine(_dir, "password"), "s3cret\n");
        settings.Hub.Signing = new KeyFileSettings { Pkcs12 = Path.Combine(_dir, "signing.p12"), PasswordFile = Path.Combine(_dir, "password") };

        // Everything local is valid, so the only problem left is the (unreachable) PostgreSQL server.
        Assert.That(ProblemsOf(settings), Has.All.StartsWith("postgres: cannot connect"));
    }

    [Test]
    public void ASampleNextSigningKey_IsRefused()
    {
        var settings = Valid();
        settings.Hub.SigningNext = new KeyFileSettings { Certificate = SampleCerts.CertificatePath("hub-signing"), Key = SampleCerts.KeyPath("hub-signing") };

        Assert.That(ProblemsOf(settings), Has.Some.Contains("hub.signingNext").And.Contains("certs-sample development certificate"));
    }

    [Test]
    public void AnOidcEcKeyNotOnP256_IsRefused_WithWhatToGive()
    {
        var settings = Valid();
        var ec = EcPem("ec384", ECCurve.NamedCurves.nistP384);
        settings.Hub.OidcEcSigning = new KeyFileSettings { Certificate = ec.Certificate, Key = ec.Key };

        Assert.That(ProblemsOf(settings), Has.Some.Contains("EC P-256"));
    }

    [Test]
    public void ANextSigningKeyAndAnOidcEcKey_AreAccepted_AsFarAsTheStores()
    {
        var settings = Valid();
        var next = Pem("next");
        var ec = EcPem("ec256", ECCurve.NamedCurves.nistP256);
        settings.Hub.SigningNext = new KeyFileSettings { Certificate = next.Certificate, Key = next.Key };
        settings.Hub.OidcEcSigning = new KeyFileSettings { Certificate = ec.Certificate, Key = ec.Key };

        Assert.That(ProblemsOf(settings), Has.All.StartsWith("postgres: cannot connect"));
    }

    [Test]
    public void EnvironmentVariables_OverrideTheFile()
    {
        var file = Path.Combine(_dir, "hub.json");
        File.WriteAllText(file, """{ "hub": { "entityId": "https://from-file" }, "redis": "file:6379" }""");
        Environment.SetEnvironmentVariable("VERIFY_redis", "env:6379");
        try
        {
            var settings = Verify.Cli.Commands.StartCommand.Load(file);

            Assert.That(settings.Hub.EntityId, Is.EqualTo("https://from-file"));
            Assert.That(settings.Redis, Is.EqualTo("env:6379"));
        }
        finally
        {
            Environment.SetEnvironmentVariable("VERIFY_redis", null);
        }
    }

    private static List<string> ProblemsOf(ProductionSettings settings)
    {
        var ex = Assert.ThrowsAsync<ProductionConfigurationException>(() => ProductionHub.BuildAsync(settings, TimeProvider.System, CancellationToken.None));
        return [.. ex!.Problems];
    }

    private ProductionSettings Valid()
    {
        var signing = Pem("signing");
        var encryption = Pem("encryption");
        var secret = Path.Combine(_dir, "secret");
        File.WriteAllText(secret, Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));
        var auditKey = Path.Combine(_dir, "audit-key");
        File.WriteAllText(auditKey, Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));
        return new ProductionSettings
        {
            Hub = new HubSettings
            {
                EntityId = "https://hub.example",
                PublicUrl = "https://hub.example/",
                Signing = new KeyFileSettings { Certificate = signing.Certificate, Key = signing.Key },
                Encryption = [new KeyFileSettings { Certificate = encryption.Certificate, Key = encryption.Key }],
                PairwiseSecretFile = secret,
            },

            // Nothing listens on port 1: the connection fails after every local check has passed.
            Postgres = "Host=127.0.0.1;Port=1;Database=verify;Username=verify;Password=x;Timeout=2",
            Redis = "127.0.0.1:1",
            Audit = new AuditSettings { KeyFile = auditKey },
        };
    }

    private (string Certificate, string Key) Pem(string name)
    {
        using var certificate = MakeCertificate(name);
        var cert = Path.Combine(_dir, name + ".crt");
        var key = Path.Combine(_dir, name + ".key");
        File.WriteAllText(cert, certificate.ExportCertificatePem());
        File.WriteAllText(key, certificate.GetRSAPrivateKey()!.ExportPkcs8PrivateKeyPem());
        return (cert, key);
    }

    private (string Certificate, string Key) EcPem(string name, ECCurve curve)
    {
        using var ecdsa = ECDsa.Create(curve);
        using var certificate = new CertificateRequest($"CN=verify test {name}, O=Test federation", ecdsa, HashAlgorithmName.SHA256)
            .CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        var cert = Path.Combine(_dir, name + ".crt");
        var key = Path.Combine(_dir, name + ".key");
        File.WriteAllText(cert, certificate.ExportCertificatePem());
        File.WriteAllText(key, ecdsa.ExportPkcs8PrivateKeyPem());
        return (cert, key);
    }

    private static X509Certificate2 MakeCertificate(string name)
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest($"CN=verify test {name}, O=Test federation", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        return request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
    }
}
