using Verify.Cli.Tests.Support;
using Verify.Testing;

namespace Verify.Cli.Tests.MatchingService;

/// <summary><c>verify matching-service start</c> refuses to run a configuration that production must not, before it serves.</summary>
public sealed class MatchingServiceCommandTests
{
    private string _dir = null!;

    [SetUp]
    public void MakeFolder() => Directory.CreateDirectory(_dir = Path.Combine(Path.GetTempPath(), "verify-ms-cli-" + Guid.NewGuid().ToString("N")));

    [TearDown]
    public void RemoveFolder() => Directory.Delete(_dir, recursive: true);

    [Test]
    public void MissingConfigFile_IsAUsageError()
    {
        var run = CliRun.InProcess("matching-service", "start", "--config", Path.Combine(_dir, "missing.json"));

        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Usage));
            Assert.That(run.Error, Does.Contain("does not exist"));
        });
    }

    [Test]
    public void SampleKeys_AreRefused_WithEveryProblemListed()
    {
        var config = Path.Combine(_dir, "ms.json");
        File.WriteAllText(config, $$"""
            {
              "matchingService": {
                "entityId": "https://ms.test/matching-service",
                "publicUrl": "https://ms.test/",
                "signing": { "certificate": "{{Escape(SampleCerts.CertificatePath("matching-service-signing"))}}", "key": "{{Escape(SampleCerts.KeyPath("matching-service-signing"))}}" },
                "encryption": [{ "certificate": "{{Escape(SampleCerts.CertificatePath("matching-service-encryption"))}}", "key": "{{Escape(SampleCerts.KeyPath("matching-service-encryption"))}}" }]
              },
              "hub": {
                "entityId": "https://hub.test",
                "signingCertificates": ["{{Escape(SampleCerts.CertificatePath("hub-signing"))}}"],
                "encryptionCertificate": "{{Escape(SampleCerts.CertificatePath("hub-encryption"))}}"
              },
              "idps": [{ "entityId": "https://idp.test/stub-idp-one", "signingCertificates": ["{{Escape(SampleCerts.CertificatePath("stub-idp-signing"))}}"] }],
              "records": { "postgres": "Host=127.0.0.1;Port=1;Database=none" }
            }
            """);

        var run = CliRun.InProcess("matching-service", "start", "--config", config);

        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Refused));
            Assert.That(run.Error, Does.Contain("matchingService.signing: ").And.Contain("certs-sample development certificate"));
            Assert.That(run.Error, Does.Contain("hub.signingCertificates[0]"));
            Assert.That(run.Error, Does.Contain("idps[0].signingCertificates[0]"));
        });
    }

    private static string Escape(string path) => path.Replace("\\", "\\\\", StringComparison.Ordinal);
}
