using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;

using Microsoft.Data.Sqlite;

using Verify.Cli.MatchingConformance;
using Verify.Cli.Tests.MatchingConformance.Support;
using Verify.Cli.Tests.Support;
using Verify.MatchingService;
using Verify.Testing;

namespace Verify.Cli.Tests.MatchingConformance;

/// <summary>
/// The proof that the built-in scenarios are right: every one passes against the reference engine — the matching
/// service as it ships, its <c>POST /match</c> over <c>conformance-records.jsonl</c> exported and imported through the
/// command line as a department would — and each expected match is the record the scenario names.
/// </summary>
public sealed class ReferenceEngineConformanceTests
{
    private static readonly int BuiltInCount = ScenarioLoader.BuiltIn().Scenarios.Count;
    private static readonly string[] OnlyAccountCreation = ["account-creation"];

    private ConformanceFolder _folder = null!;

    [SetUp]
    public void CreateRecords() => _folder = ConformanceFolder.Create().WithImportedRecords();

    [TearDown]
    public void RemoveFolder() => _folder.Dispose();

    [Test]
    public async Task BuiltInScenarios_AllPass_AgainstTheMatchingServicesPostMatch()
    {
        await using var service = await ReferenceMatchingService.StartAsync(_folder.Connection);
        var reportFile = _folder.File("report.json");

        var run = CliRun.InProcess("matching", "conformance", "--url", service.MatchUrl.AbsoluteUri, "--report", reportFile);

        var scenarios = JsonDocument.Parse(File.ReadAllText(reportFile)).RootElement.GetProperty("scenarios").EnumerateArray().ToList();
        var namedMatches = scenarios.SelectMany(s => s.GetProperty("steps").EnumerateArray()).Where(s => s.TryGetProperty("expectedRecordId", out _)).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Success), run.Output);
            Assert.That(LastLine(run.Output), Is.EqualTo($"{BuiltInCount - 1} passed, 0 failed"));
            Assert.That(run.Output, Does.Contain("1 skipped: account creation scenarios need --account-creation-url."));
            Assert.That(
                scenarios.Where(s => s.GetProperty("outcome").GetString() != "passed").Select(s => s.GetProperty("name").GetString()),
                Is.EqualTo(OnlyAccountCreation),
                "only account creation, which POST /match does not offer, is skipped");
            Assert.That(namedMatches, Has.Count.GreaterThanOrEqualTo(14));
            Assert.That(
                namedMatches.Select(s => s.GetProperty("actualRecordId").GetString()),
                Is.EqualTo(namedMatches.Select(s => s.GetProperty("expectedRecordId").GetString())),
                "POST /match names the record it matched: every one is the record the scenario expects");
        });
    }

    [Test]
    public async Task BuiltInScenarios_AllPass_WithAccountCreation_OnEveryRun()
    {
        await using var service = await ReferenceMatchingService.StartAsync(_folder.Connection);
        await using var adapter = await VerifyJsonAdapter.StartAsync(service);
        string[] args = ["matching", "conformance", "--url", adapter.MatchUrl.AbsoluteUri, "--account-creation-url", adapter.AccountCreationUrl.AbsoluteUri];

        var first = CliRun.InProcess(args);
        var second = CliRun.InProcess(args);

        Assert.Multiple(() =>
        {
            Assert.That(first.ExitCode, Is.EqualTo(ExitCodes.Success), first.Output);
            Assert.That(LastLine(first.Output), Is.EqualTo($"{BuiltInCount} passed, 0 failed"));
            Assert.That(second.ExitCode, Is.EqualTo(ExitCodes.Success), "fresh match IDs and hashed PIDs: a second run is not disturbed by the first. " + second.Output);
            Assert.That(CountRecords(), Is.EqualTo(17 + 2), "each run's account creation added one record");
        });
    }

    [Test]
    public async Task MutualTls_TheToolPresentsItsClientCertificate_AndTrustsOnlyTheGivenCa()
    {
        using var client = ClientCertificate("CN=conformance-tool");
        var certificate = _folder.File("client.crt");
        var key = _folder.File("client.key");
        var ca = _folder.File("test-ca.pem");
        File.WriteAllText(certificate, client.ExportCertificatePem());
        File.WriteAllText(key, client.GetRSAPrivateKey()!.ExportPkcs8PrivateKeyPem());
        File.WriteAllText(ca, File.ReadAllText(SampleCerts.CertificatePath("root-ca")) + File.ReadAllText(SampleCerts.CertificatePath("tls-ca")));
        await using var service = await ReferenceMatchingService.StartAsync(_folder.Connection, new MatchApiOptions
        {
            Mode = MatchApiMode.MutualTls,
            Port = LoopbackApp.FreePort(),
            ClientCertificates = [client],
            TlsCertificate = SampleCerts.CertificateWithKey("tls"),
        });
        var url = service.MatchUrl.AbsoluteUri;

        var withCertificate = CliRun.InProcess("matching", "conformance", "--url", url, "--client-cert", certificate, "--client-key", key, "--ca-cert", ca);
        var withoutCertificate = CliRun.InProcess("matching", "conformance", "--url", url, "--ca-cert", ca);
        var withoutCa = CliRun.InProcess("matching", "conformance", "--url", url, "--client-cert", certificate, "--client-key", key);

        Assert.Multiple(() =>
        {
            Assert.That(withCertificate.ExitCode, Is.EqualTo(ExitCodes.Success), withCertificate.Output);
            Assert.That(LastLine(withCertificate.Output), Is.EqualTo($"{BuiltInCount - 1} passed, 0 failed"));
            Assert.That(withoutCertificate.ExitCode, Is.EqualTo(ExitCodes.Failure));
            Assert.That(withoutCertificate.Output, Does.Contain("got no answer: ").And.EndWith($"0 passed, {BuiltInCount - 1} failed{Environment.NewLine}"));
            Assert.That(withoutCa.ExitCode, Is.EqualTo(ExitCodes.Failure), "the sample CA is not in the system's store");
            Assert.That(withoutCa.Output, Does.Contain("SSL connection could not be established"));
        });
    }

    private static string LastLine(string output) => output.TrimEnd().Split('\n')[^1].TrimEnd('\r');

    private int CountRecords()
    {
        using var connection = new SqliteConnection(_folder.Connection);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM records";
        return Convert.ToInt32(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static X509Certificate2 ClientCertificate(string subject)
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest(subject, key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.2")], critical: false));
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(30));
        return X509CertificateLoader.LoadPkcs12(certificate.Export(X509ContentType.Pkcs12), null, X509KeyStorageFlags.Exportable);
    }
}
