using System.Net;

using Verify.TestRp.Tests.Support;

namespace Verify.TestRp.Tests;

/// <summary>The start page and <c>POST /start</c>'s own rules (antiforgery, binding choice).</summary>
public sealed class StartPageTests
{
    private TestRpServer _server = null!;

    [OneTimeSetUp]
    public async Task StartServer() => _server = await TestRpServer.StartAsync();

    [OneTimeTearDown]
    public async Task StopServer() => await _server.DisposeAsync();

    [Test]
    public async Task StartPage_ShowsTheServiceNameTheButtonAndTheBindingChoice()
    {
        using var browser = _server.NewBrowser();

        using var response = await browser.GetAsync(TestRpPaths.Start);
        var html = await response.Content.ReadAsStringAsync();

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.Multiple(() =>
        {
            Assert.That(Html.Text(html), Does.Contain("Test service"));
            Assert.That(Html.Text(html), Does.Contain("Prove your identity"));
            Assert.That(Html.FormAction(html), Is.EqualTo(TestRpPaths.StartJourney));
            Assert.That(html, Does.Contain("value=\"post\" checked"));
            Assert.That(html, Does.Contain("value=\"redirect\""));
            Assert.That(Html.InputValue(html, "__RequestVerificationToken"), Is.Not.Null.And.Not.Empty);
            Assert.That(response.Headers.GetValues("Referrer-Policy").Single(), Is.EqualTo("no-referrer"));
            Assert.That(response.Headers.GetValues("Content-Security-Policy").Single(), Does.Contain("form-action 'self'"));
        });
    }

    [Test]
    public async Task StartPost_IsRefused_WithoutTheAntiforgeryToken()
    {
        using var browser = _server.NewBrowser();
        (await browser.GetAsync(TestRpPaths.Start)).Dispose();

        using var response = await browser.PostFormAsync(TestRpPaths.StartJourney, new Dictionary<string, string> { ["binding"] = "post" });

        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(browser.RequestCookie, Is.Null, "no journey starts");
        });
    }

    [Test]
    public async Task StartPost_IsRefused_ForAnUnknownBinding()
    {
        using var browser = _server.NewBrowser();
        using var startPage = await browser.GetAsync(TestRpPaths.Start);
        var token = Html.InputValue(await startPage.Content.ReadAsStringAsync(), "__RequestVerificationToken")!;

        using var response = await browser.PostFormAsync(TestRpPaths.StartJourney, new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["binding"] = "artifact",
        });

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
    }

    [Test]
    public async Task StartGet_RedirectsToTheStartPage_WithoutStartingAJourney()
    {
        using var browser = _server.NewBrowser();

        using var response = await browser.GetAsync(TestRpPaths.StartJourney);

        Assert.Multiple(() =>
        {
            Assert.That((int)response.StatusCode, Is.InRange(300, 399));
            Assert.That(response.Headers.Location?.OriginalString, Is.EqualTo(TestRpPaths.Start));
            Assert.That(browser.RequestCookie, Is.Null);
        });
    }

    [Test]
    public async Task AcsGet_IsMethodNotAllowed()
    {
        using var browser = _server.NewBrowser();

        using var response = await browser.GetAsync(TestRpPaths.Acs);

        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.MethodNotAllowed));
            Assert.That(response.Content.Headers.Allow.Single(), Is.EqualTo("POST"));
        });
    }
}
