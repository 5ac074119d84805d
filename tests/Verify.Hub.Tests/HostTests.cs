using System.Net;

using Verify.Hub.Tests.Support;
using Verify.Saml.Metadata;
using Verify.Saml.Xml;
using Verify.Testing;
using Verify.Testing.Web;

namespace Verify.Hub.Tests;

/// <summary>Headers, cookies, assets and metadata: what every response and every browser relies on.</summary>
public sealed class HostTests
{
    private HubHarness _hub = null!;

    [SetUp]
    public async Task StartHub() => _hub = await HubHarness.StartAsync();

    [TearDown]
    public async Task StopHub() => await _hub.DisposeAsync();

    [Test]
    public async Task Pages_SendStrictSecurityHeaders()
    {
        var page = await RpMessages.StartJourneyAsync(_hub);

        var csp = page.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Multiple(() =>
        {
            Assert.That(csp, Does.Contain("frame-ancestors 'none'"));
            Assert.That(csp, Does.Contain("default-src 'none'"));
            Assert.That(csp, Does.Not.Contain("unsafe-inline"));
            Assert.That(page.Headers.GetValues("Referrer-Policy").Single(), Is.EqualTo("no-referrer"));
            Assert.That(page.Headers.GetValues("X-Frame-Options").Single(), Is.EqualTo("DENY"));
            Assert.That(page.Headers.CacheControl!.NoStore, Is.True);
            Assert.That(page.Headers.GetValues("Strict-Transport-Security").Single(), Does.StartWith("max-age="));
        });
    }

    [Test]
    public async Task TheFormToAnIdp_MayPostOnlyToThatIdp()
    {
        var start = await RpMessages.StartJourneyAsync(_hub);
        var choose = await _hub.Client.FollowAsync(await _hub.Client.SubmitAsync(start, set: ("Intent", "sign-in")));
        var toIdp = await _hub.Client.SubmitAsync(choose, set: ("Idp", TestDirectory.IdpOne));

        var csp = toIdp.Headers.GetValues("Content-Security-Policy").Single();
        Assert.That(csp, Does.Contain("form-action 'self' https://idp.test;"));
    }

    [Test]
    public async Task JourneyCookies_AreHttpOnlySecure_AndOnlyTheAcsOneIsSameSiteNone()
    {
        var response = await RpMessages.PostAsync(_hub.Client, _hub, RpMessages.Signed(RpMessages.Request(_hub)));

        var cookies = response.Headers.GetValues("Set-Cookie").ToList();
        var pages = cookies.Single(c => c.StartsWith("verify-journey=", StringComparison.Ordinal));
        var acs = cookies.Single(c => c.StartsWith("verify-journey-acs=", StringComparison.Ordinal));
        Assert.Multiple(() =>
        {
            Assert.That(pages, Does.Contain("secure").And.Contain("httponly").And.Contain("samesite=lax").And.Contain("path=/;").IgnoreCase);
            Assert.That(acs, Does.Contain("secure").And.Contain("httponly").And.Contain("samesite=none").And.Contain("path=/SAML2/ACS").IgnoreCase);
        });
    }

    [TestCase("/assets/govuk-frontend.min.css", "text/css")]
    [TestCase("/assets/govuk-frontend.min.js", "text/javascript")]
    [TestCase("/assets/fonts/bold-b542beb274-v2.woff2", "font/woff2")]
    [TestCase("/assets/images/favicon.svg", "image/svg+xml")]
    public async Task GovukFrontendAssets_AreServedFromTheAssembly(string path, string contentType)
    {
        var response = await _hub.Client.GetAsync(path);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(response.Content.Headers.ContentType!.MediaType, Is.EqualTo(contentType));
    }

    [Test]
    public async Task HubMetadata_IsSignedByTheHub_AndListsItsEndpointsAndKeys()
    {
        var xml = await _hub.Client.GetByteArrayAsync(HubPaths.HubMetadata);

        var verified = MetadataVerifier.Pinned([SampleCerts.Certificate("hub-signing")], _hub.Time).Verify(xml);
        var hub = verified.Metadata.FindEntity(HubHarness.HubEntityId)!;
        Assert.Multiple(() =>
        {
            Assert.That(hub.IdpSsoDescriptor!.SingleSignOnServices.Select(s => s.Location), Has.All.EqualTo(_hub.SsoUrl));
            Assert.That(hub.SpSsoDescriptor!.AssertionConsumerServices.Single().Location, Is.EqualTo(_hub.AcsUrl));
            Assert.That(hub.SpSsoDescriptor.CertificatesFor(KeyUse.Encryption).Single().Thumbprint, Is.EqualTo(SampleCerts.Certificate("hub-encryption").Thumbprint));
        });
    }

    [Test]
    public async Task FederationMetadata_IsUnavailableUntilPublished()
    {
        var response = await _hub.Client.GetAsync(HubPaths.FederationMetadata);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.ServiceUnavailable));
    }

    [Test]
    public async Task OversizedPosts_AreRefused()
    {
        var big = new string('A', 600 * 1024);

        var response = await _hub.Client.PostFormAsync(_hub.SsoUrl, [KeyValuePair.Create("SAMLRequest", big)]);

        Assert.That((int)response.StatusCode, Is.EqualTo(413).Or.EqualTo(400));
        Assert.That(Flow.CurrentId(_hub), Is.Null);
    }
}
