using System.Net;

using Verify.Saml.Metadata;
using Verify.Saml.Samlp;
using Verify.Saml.Xml;
using Verify.StubIdp.Tests.Support;
using Verify.Testing;

namespace Verify.StubIdp.Tests;

/// <summary>The metadata endpoint, the index page, and the security headers every page carries.</summary>
public sealed class MetadataAndHeaderTests
{
    private static readonly string[] NoReferrer = ["no-referrer"];

    private StubIdpHost _host = null!;

    [OneTimeSetUp]
    public async Task StartAsync() => _host = await StubIdpHost.StartAsync();

    [OneTimeTearDown]
    public async Task StopAsync() => await _host.DisposeAsync();

    [TestCase("stub-idp-one", "https://idp.test/stub-idp-one", "Stub IDP One")]
    [TestCase("stub-idp-two", "https://idp.test/stub-idp-two", "Stub IDP Two")]
    public async Task Metadata_DescribesTheIdpWithItsSigningKeyAndBothBindings(string slug, string entityId, string displayName)
    {
        using var client = _host.NewClient();

        using var response = await client.GetAsync($"/{slug}/SAML2/metadata");
        var metadata = MetadataReader.Default.Read(SecureXml.Load(await response.Content.ReadAsStringAsync()));

        var entity = metadata.FindEntity(entityId);
        var idp = entity?.IdpSsoDescriptor;
        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/samlmetadata+xml"));
            Assert.That(idp, Is.Not.Null);
            Assert.That(idp!.WantAuthnRequestsSigned, Is.True);
            Assert.That(idp.CertificatesFor(KeyUse.Signing).Select(c => c.Thumbprint), Is.EqualTo(new[] { SampleCerts.Certificate("stub-idp-signing").Thumbprint }));
            Assert.That(idp.SingleSignOnService(SamlBindings.HttpPost)?.Location, Is.EqualTo(_host.SsoUrl(slug)));
            Assert.That(idp.SingleSignOnService(SamlBindings.HttpRedirect)?.Location, Is.EqualTo(_host.SsoUrl(slug)));
            Assert.That(idp.NameIdFormats, Does.Contain(Saml.Saml.NameIdFormats.Persistent));
            Assert.That(entity!.Organization?.DisplayNames.Single().Value, Is.EqualTo(displayName));
        });
    }

    [Test]
    public async Task Metadata_OfUnknownIdp_IsNotFound()
    {
        using var client = _host.NewClient();

        using var response = await client.GetAsync("/stub-idp-nine/SAML2/metadata");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }

    [Test]
    public async Task LoginPage_SendsStrictSecurityHeadersAndAStrictAntiforgeryCookie()
    {
        var journey = new LoginJourney(_host, "stub-idp-one");
        var request = SampleHub.Request(_host.SsoUrl("stub-idp-one"), _host.Clock.GetUtcNow());
        using var sso = await journey.Client.PostAsync(_host.SsoUrl("stub-idp-one"), SampleHub.PostForm(SampleHub.Signed(request)));

        using var page = await journey.Client.GetAsync(new Uri(_host.BaseUrl, sso.Headers.Location!));

        var csp = string.Join(";", page.Headers.GetValues("Content-Security-Policy"));
        var cookie = page.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("verify-csrf-", StringComparison.Ordinal));
        Assert.Multiple(() =>
        {
            Assert.That(csp, Does.Contain("default-src 'none'"));
            Assert.That(csp, Does.Contain("form-action 'self';"));
            Assert.That(csp, Does.Contain("frame-ancestors 'none'"));
            Assert.That(page.Headers.GetValues("Referrer-Policy"), Is.EqualTo(NoReferrer));
            Assert.That(page.Headers.CacheControl?.NoStore, Is.True);
            Assert.That(cookie, Does.Contain("secure").IgnoreCase);
            Assert.That(cookie, Does.Contain("samesite=strict").IgnoreCase);
            Assert.That(cookie, Does.Contain("httponly").IgnoreCase);
        });
    }

    [Test]
    public async Task SsoRefusalPage_SendsSecurityHeaders()
    {
        using var client = _host.NewClient();

        using var response = await client.PostAsync(_host.SsoUrl("stub-idp-one"), new FormUrlEncodedContent([new("RelayState", "x")]));

        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(response.Headers.Contains("Content-Security-Policy"), Is.True);
            Assert.That(response.Headers.GetValues("Referrer-Policy"), Is.EqualTo(NoReferrer));
        });
    }

    [Test]
    public async Task IndexPage_ListsTheIdps()
    {
        using var client = _host.NewClient();

        var html = await client.GetStringAsync("/");

        Assert.Multiple(() =>
        {
            Assert.That(html, Does.Contain("Stub IDP One"));
            Assert.That(html, Does.Contain("Stub IDP Two"));
            Assert.That(html, Does.Contain(_host.SsoUrl("stub-idp-two")));
        });
    }
}
