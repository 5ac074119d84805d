using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;

using Verify.Cli.StartDev;
using Verify.Testing;
using Verify.Testing.Web;

namespace Verify.Cli.Tests.StartDev;

/// <summary>
/// The federation as start-dev runs it — hub, stub IDP and test RP in one process, the store imported from
/// <c>config/</c> — driven by a cookie-following client through a whole journey, over HTTPS on distinct hostnames and
/// over the plain-http fallback. (The browser tests do the same in chromium.)
/// </summary>
[TestFixture(false)]
[TestFixture(true)]
public sealed class StartDevJourneyTests(bool plainHttp)
{
    private static readonly string[] Level2Only = ["LEVEL_2"];

    private DevFederation _federation = null!;
    private string _database = null!;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _database = Path.Combine(Path.GetTempPath(), $"verify-startdev-{Guid.NewGuid():N}.db");
        _federation = await DevFederation.StartAsync(new DevFederationOptions
        {
            ConfigDirectory = RepoPaths.Combine("config"),
            CertsDirectory = SampleCerts.Folder,
            DatabasePath = _database,
            PlainHttp = plainHttp,
            HubPort = 0,
            IdpPort = 0,
            RpPort = 0,
            MsPort = 0,
        });
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        await _federation.DisposeAsync();
        foreach (var file in Directory.GetFiles(Path.GetDirectoryName(_database)!, Path.GetFileName(_database) + "*"))
        {
            File.Delete(file);
        }
    }

    [Test]
    public async Task ACitizen_ProvesTheirIdentity_FromTheTestRpThroughTheHubAndTheStubIdp()
    {
        using var browser = Browser();

        var page = await ProveIdentityAsync(browser, "success-level2");

        var html = await page.Content.ReadAsStringAsync();
        var document = Html.Parse(html);
        Assert.Multiple(() =>
        {
            Assert.That(Html.Heading(html), Is.EqualTo("You have proved your identity"), html);
            Assert.That(document.QuerySelector("#level-of-assurance")?.TextContent.Trim(), Is.EqualTo("LEVEL_2"));
            Assert.That(document.QuerySelector("#pairwise-identifier")?.TextContent.Trim(), Does.Match("^[0-9a-f]{64}$"));
        });
    }

    [Test]
    public async Task AFraudAnswer_ReachesTheRpAsAFailure()
    {
        using var browser = Browser();

        var hubPage = await ProveIdentityAsync(browser, "fraud-df01");
        var html = await hubPage.Content.ReadAsStringAsync();
        Assert.That(Html.Heading(html), Is.EqualTo("We could not verify your identity"), html);

        var rp = await PostSamlFormAsync(browser, await browser.SubmitAsync(hubPage, "form[action='/return-to-service']"));
        Assert.That(Html.Heading(await rp.Content.ReadAsStringAsync()), Is.EqualTo("You have not proved your identity"));
    }

    [Test]
    public async Task TheHub_ServesTheFederationMetadataSignedByTheMetadataSigner()
    {
        using var browser = Browser();

        var xml = await browser.GetByteArrayAsync(new Uri(_federation.HubUrl, "SAML2/metadata/federation"));

        var options = new Verify.Saml.Metadata.MetadataVerifierOptions { Reader = new Verify.Saml.Metadata.MetadataReaderOptions { RequireHttps = !plainHttp } };
        var verified = Verify.Saml.Metadata.MetadataVerifier.Pinned([SampleCerts.Certificate("metadata-signing")], TimeProvider.System, options).Verify(xml);
        Assert.That(verified.Metadata.Entities.Select(e => e.EntityId), Is.SupersetOf(new[] { DevFederation.HubEntityId, "https://idp.test/stub-idp-one", "https://idp.test/stub-idp-two" }));
    }

    [Test]
    public async Task TheMatchingRegistration_AsksItsMatchingService_AndTheRpHearsTheMatch()
    {
        using var browser = Browser();

        // ADR 0020: the test RP's matching registration, its matching service on 127.0.0.1, David Singh's record.
        var rpStart = await browser.GetAsync(new Uri(_federation.TestRpUrl, "?service=matching"));
        var hubStart = await browser.FollowAsync(await PostSamlFormAsync(browser, await browser.SubmitAsync(rpStart)));
        var choose = await browser.FollowAsync(await browser.SubmitAsync(hubStart, set: ("Intent", "registration")));
        var login = await browser.FollowAsync(await PostSamlFormAsync(browser, await browser.SubmitAsync(choose, set: ("Idp", "https://idp.test/stub-idp-one"))));
        var toHubAcs = await browser.SubmitAsync(login, null, ("outcome", "success-level2"), ("identity", "david-singh"));
        var page = await browser.FollowAsync(await PostSamlFormAsync(browser, toHubAcs));
        for (var tries = 0; page.RequestMessage!.RequestUri!.AbsolutePath == "/checking-your-details" && tries < 50; tries++)
        {
            await Task.Delay(100);
            page = await browser.FollowAsync(await browser.GetAsync(page.RequestMessage.RequestUri));
        }

        Assert.That(page.RequestMessage!.RequestUri!.AbsolutePath, Is.EqualTo("/continue"), await page.Content.ReadAsStringAsync());
        var rp = await PostSamlFormAsync(browser, await browser.SubmitAsync(page, "form[action='/return-to-service']"));
        var html = await rp.Content.ReadAsStringAsync();
        var document = Html.Parse(html);
        Assert.Multiple(() =>
        {
            Assert.That(Html.Heading(html), Is.EqualTo("You have proved your identity"), html);
            Assert.That(document.QuerySelector("#service-entity-id")?.TextContent.Trim(), Is.EqualTo("https://rp.test/matching"));
            Assert.That(document.QuerySelector("[data-attribute=matchOutcome]")?.TextContent.Trim(), Is.EqualTo("match"));
            Assert.That(document.QuerySelector("[data-attribute=hashedPid]")?.TextContent.Trim(), Does.Match("^[0-9a-f]{64}$"));
        });
    }

    [Test]
    public async Task TheOidcClientWithMatching_IsRegisteredWithTheTestRpsMatchingService_AndTheOtherWithout()
    {
        // ADR 0026: start-dev registers the test RP's second OIDC client with the same matching service, no accounts.
        var store = Verify.Federation.FederationStore.Create(Verify.Federation.Storage.FederationProvider.Sqlite, $"Data Source={_database}", TimeProvider.System);

        var clients = await store.ListOidcRelyingPartiesAsync();

        var matching = clients.Single(c => c.ClientId == "https://rp.test/oidc-matching");
        var plain = clients.Single(c => c.ClientId == "https://rp.test/oidc");
        Assert.Multiple(() =>
        {
            Assert.That(matching.Matching?.EntityId, Is.EqualTo(DevMatchingService.EntityId));
            Assert.That(matching.Matching?.Cycle3Attribute, Is.EqualTo("NationalInsuranceNumber"));
            Assert.That(matching.Matching?.AccountCreationAttributes, Is.Empty);
            Assert.That(matching.Sector, Is.EqualTo("https://rp.test/oidc-matching-sector"));
            Assert.That(matching.Levels.Select(l => l.Name), Is.EqualTo(Level2Only));
            Assert.That(matching.RedirectUris, Is.EqualTo(new[] { new Uri(_federation.TestRpUrl, "oidc/callback").AbsoluteUri }));
            Assert.That(plain.Matching, Is.Null);
            Assert.That(plain.Sector, Is.EqualTo("https://rp.test/oidc-sector"));
        });
    }

    /// <summary>RP start → hub start page (registering) → Stub IDP One → <paramref name="outcome"/> → the page after the hub.</summary>
    private async Task<HttpResponseMessage> ProveIdentityAsync(HttpClient browser, string outcome)
    {
        var rpStart = await browser.GetAsync(_federation.TestRpUrl);
        var toHub = await browser.SubmitAsync(rpStart);
        var hubStart = await browser.FollowAsync(await PostSamlFormAsync(browser, toHub));
        var choose = await browser.FollowAsync(await browser.SubmitAsync(hubStart, set: ("Intent", "registration")));
        var toIdp = await browser.SubmitAsync(choose, set: ("Idp", "https://idp.test/stub-idp-one"));
        var login = await browser.FollowAsync(await PostSamlFormAsync(browser, toIdp));
        var toHubAcs = await browser.SubmitAsync(login, set: ("outcome", outcome));
        var afterHub = await browser.FollowAsync(await PostSamlFormAsync(browser, toHubAcs));
        var afterHubHtml = await afterHub.Content.ReadAsStringAsync();
        return afterHubHtml.Contains("id=\"saml-post\"", StringComparison.Ordinal) ? await PostSamlFormAsync(browser, afterHub) : afterHub;
    }

    /// <summary>What the auto-submitting SAML POST form does in a browser.</summary>
    private static async Task<HttpResponseMessage> PostSamlFormAsync(HttpClient browser, HttpResponseMessage page)
    {
        var html = await page.Content.ReadAsStringAsync();
        Assert.That(page.StatusCode, Is.EqualTo(HttpStatusCode.OK), html);
        var (action, fields) = Html.Form(html, "#saml-post");
        return await browser.PostFormAsync(action, fields);
    }

    /// <summary>A cookie-keeping client that reaches every *.test host on 127.0.0.1 and trusts only the sample TLS root.</summary>
    private static HttpClient Browser()
    {
        var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            CookieContainer = new CookieContainer(),
            ConnectCallback = async (context, cancellationToken) =>
            {
                var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                await socket.ConnectAsync(IPAddress.Loopback, context.DnsEndPoint.Port, cancellationToken);
                return new NetworkStream(socket, ownsSocket: true);
            },
            SslOptions = new SslClientAuthenticationOptions
            {
                RemoteCertificateValidationCallback = (_, certificate, _, _) =>
                {
                    using var chain = new X509Chain();
                    chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
                    chain.ChainPolicy.CustomTrustStore.Add(SampleCerts.Certificate("root-ca"));
                    chain.ChainPolicy.ExtraStore.Add(SampleCerts.Certificate("tls-ca"));
                    chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
                    return certificate is not null && chain.Build(X509CertificateLoader.LoadCertificate(certificate.GetRawCertData()));
                },
            },
        };
        return new HttpClient(handler);
    }
}
