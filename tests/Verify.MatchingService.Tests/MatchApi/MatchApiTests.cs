using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json;

using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

using Verify.Matching.Engine;
using Verify.MatchingService.Matching.Reference;
using Verify.MatchingService.Tests.Support;
using Verify.Saml.Saml;
using Verify.Saml.Validation;
using Verify.Testing;
using Verify.Web.Hosting;

namespace Verify.MatchingService.Tests.MatchApi;

/// <summary>
/// <c>POST /match</c>: the local-matching JSON for tests and the department's systems. It answers the result and the
/// record, links nothing, and exists only in Development/Test environments or behind pinned mutual TLS.
/// </summary>
public sealed class MatchApiTests
{
    private const string RobertRequest = """
        {"matchId":"m-1","levelOfAssurance":"LEVEL_2","hashedPid":"5a1e0c0ffee5a1e0c0ffee5a1e0c0ffee5a1e0c0ffee5a1e0c0ffee5a1e0c0ff",
         "matchingDataset":{"firstName":{"value":"Robert","verified":true},"surnames":[{"value":"Smith","verified":true}],
         "dateOfBirth":{"value":"1980-10-03","verified":true},"addresses":[{"lines":["14 High Street","Leeds"],"postCode":"LS1 4AB","verified":true}]}}
        """;

    [Test]
    public async Task DevelopmentMode_AnswersTheResultAndRecord_AndLinksNothing()
    {
        await using var host = await MatchingServiceHost.StartAsync(configure: o => o with { MatchApi = new MatchApiOptions { Mode = MatchApiMode.Development } });
        using var client = host.NewClient();

        using var response = await client.PostAsync("/match", Json(RobertRequest));

        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Multiple(async () =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(body.GetProperty("result").GetString(), Is.EqualTo("match"));
            Assert.That(body.GetProperty("recordId").GetString(), Is.EqualTo("R-ROBERT"));
            Assert.That(await host.Store!.CountLinksAsync(), Is.Zero, "only the hub's signed query links");
        });
    }

    [Test]
    public async Task DevelopmentMode_RefusesARequestThatBreaksTheContract()
    {
        await using var host = await MatchingServiceHost.StartAsync(configure: o => o with { MatchApi = new MatchApiOptions { Mode = MatchApiMode.Development } });
        using var client = host.NewClient();

        using var missing = await client.PostAsync("/match", Json("""{"matchId":"m-1","levelOfAssurance":"LEVEL_2","hashedPid":"x"}"""));
        using var notJson = await client.PostAsync("/match", Json("{"));
        using var wrongType = await client.PostAsync("/match", new StringContent(RobertRequest, Encoding.UTF8, "text/plain"));

        Assert.Multiple(async () =>
        {
            Assert.That(missing.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(await missing.Content.ReadAsStringAsync(), Does.Contain("matchingDataset: required"));
            Assert.That(notJson.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(wrongType.StatusCode, Is.EqualTo(HttpStatusCode.UnsupportedMediaType));
        });
    }

    [Test]
    public async Task ProductionConfiguration_HasNoMatchEndpoint()
    {
        await using var host = await MatchingServiceHost.StartAsync(environment: "Production");
        using var client = host.NewClient();

        using var response = await client.PostAsync("/match", Json(RobertRequest));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }

    [Test]
    public async Task ProductionConfiguration_RefusesToStartWithAnOpenMatchEndpoint()
    {
        var clock = new FakeTimeProvider();
        await using var store = await RecordStore.CreateAsync(Verify.Matching.Storage.MatchingProvider.Sqlite, "", clock);
        var options = Parties.Options(clock) with { MatchApi = new MatchApiOptions { Mode = MatchApiMode.Development } };
        var logic = new ReferenceLocalMatchingService(ReferenceMatchingEngine.Create(store.Database, new MatchingOptions(), clock));

        var refused = Assert.Throws<OptionsValidationException>(() => MatchingServiceApp.Build(
            options, new WebAppEndpoint(new Uri("https://ms.test:1/"), SampleCerts.CertificateWithKey("tls")), logic, "Production"));

        Assert.That(refused!.Failures, Has.Some.Contains("refused in the 'Production' environment"));
    }

    [Test]
    public async Task MutualTls_AnswersOnlyAPinnedClientCertificate_OnItsOwnPort()
    {
        using var pinned = ClientCertificate("CN=department-case-system");
        using var stranger = ClientCertificate("CN=someone-else");
        var port = MatchingServiceHost.FreePort();
        await using var host = await MatchingServiceHost.StartAsync(environment: "Production", configure: o => o with
        {
            MatchApi = new MatchApiOptions { Mode = MatchApiMode.MutualTls, Port = port, ClientCertificates = [pinned] },
        });
        var matchUrl = new Uri($"https://ms.test:{port}/match");

        using var withPinned = new HttpClient(MatchingServiceHost.Handler(pinned));
        using var answered = await withPinned.PostAsync(matchUrl, Json(RobertRequest));
        using var onMainPort = await new HttpClient(MatchingServiceHost.Handler(pinned)).PostAsync(new Uri(host.BaseUrl, "match"), Json(RobertRequest));
        using var hub = new TestHub(host);
        var healthId = SamlIds.NewId();
        var health = await hub.ValidateAsync(await hub.SendAsync(hub.HealthCheck(healthId)), healthId);

        Assert.Multiple(() =>
        {
            Assert.That(answered.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(onMainPort.StatusCode, Is.EqualTo(HttpStatusCode.NotFound), "the service's own port serves the hub, not /match");
            Assert.That(health.Outcome, Is.EqualTo(MatchingServiceOutcome.Healthy), "the hub's SOAP endpoint needs no client certificate");
            Assert.ThrowsAsync<HttpRequestException>(async () =>
            {
                using var anonymous = new HttpClient(MatchingServiceHost.Handler());
                using var _ = await anonymous.PostAsync(matchUrl, Json(RobertRequest));
            });
            Assert.ThrowsAsync<HttpRequestException>(async () =>
            {
                using var unpinned = new HttpClient(MatchingServiceHost.Handler(stranger));
                using var _ = await unpinned.PostAsync(matchUrl, Json(RobertRequest));
            });
        });
    }

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");

    private static X509Certificate2 ClientCertificate(string subject)
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest(subject, key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.2")], critical: false));
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(30));
        return X509CertificateLoader.LoadPkcs12(certificate.Export(X509ContentType.Pkcs12), null);
    }
}
