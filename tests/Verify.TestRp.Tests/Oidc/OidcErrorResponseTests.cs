using System.Net;

using Verify.TestRp.Tests.Support;

namespace Verify.TestRp.Tests.Oidc;

/// <summary>
/// The hub's error responses (RFC 6749 4.1.2.1) at the redirect URI: shown as the hub's answer only when they answer
/// this browser's own request (state, request forgery cookie, RFC 9207 iss); otherwise refused, their text unshown.
/// </summary>
public sealed class OidcErrorResponseTests
{
    private OidcRp _rp = null!;

    [OneTimeSetUp]
    public async Task StartAsync() => _rp = await OidcRp.StartAsync();

    [OneTimeTearDown]
    public async Task StopAsync() => await _rp.DisposeAsync();

    [Test]
    public async Task AccessDenied_ForOurRequest_ShowsTheHubsAnswer()
    {
        using var browser = _rp.NewBrowser();
        var request = await _rp.StartAsync(browser);

        var (status, html) = await OidcRp.CallbackAsync(browser, ErrorResponse(request["state"]!, FakeHub.Issuer.AbsoluteUri));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(status, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(Html.Text(html), Does.Contain("You have not proved your identity"));
            Assert.That(Html.TextById(html, "oauth-error"), Is.EqualTo("access_denied"));

            // OpenIddict states the error in its own words: the RP never shows text it has not checked.
            Assert.That(Html.TextById(html, "oauth-error-description"), Does.Contain("denied"));
        }
    }

    [Test]
    public async Task AccessDenied_WithAForgedState_IsRefused_AndItsTextNotShown()
    {
        using var browser = _rp.NewBrowser();
        await _rp.StartAsync(browser);

        var (status, html) = await OidcRp.CallbackAsync(browser, ErrorResponse("forged-state", FakeHub.Issuer.AbsoluteUri));

        AssertRefusedWithoutText(status, html);
    }

    [Test]
    public async Task AccessDenied_InAnotherBrowser_IsRefused()
    {
        using var citizen = _rp.NewBrowser();
        var request = await _rp.StartAsync(citizen);

        // Login CSRF: the attacker's browser (or a link planted in the citizen's) lacks the request forgery cookie.
        using var other = _rp.NewBrowser();
        var (status, html) = await OidcRp.CallbackAsync(other, ErrorResponse(request["state"]!, FakeHub.Issuer.AbsoluteUri));

        AssertRefusedWithoutText(status, html);
    }

    [Test]
    public async Task AccessDenied_FromAnotherIssuer_IsRefused()
    {
        using var browser = _rp.NewBrowser();
        var request = await _rp.StartAsync(browser);

        // RFC 9207: a response whose iss is not the hub's (mix-up attack) is not the hub's answer.
        var (status, html) = await OidcRp.CallbackAsync(browser, ErrorResponse(request["state"]!, "https://evil.test/"));

        AssertRefusedWithoutText(status, html);
    }

    [Test]
    public async Task Code_WithAForgedState_IsNeverRedeemed()
    {
        using var browser = _rp.NewBrowser();
        await _rp.StartAsync(browser);
        var calls = _rp.Hub.TokenCalls;

        var (status, html) = await OidcRp.CallbackAsync(browser, OidcRp.CodeResponse("forged-state"));

        OidcSignInTests.AssertRefused(status, html);
        Assert.That(_rp.Hub.TokenCalls, Is.EqualTo(calls));
    }

    private static string ErrorResponse(string state, string issuer) =>
        $"error=access_denied&error_description={Uri.EscapeDataString("The citizen cancelled.")}&state={Uri.EscapeDataString(state)}&iss={Uri.EscapeDataString(issuer)}";

    private static void AssertRefusedWithoutText(HttpStatusCode status, string html)
    {
        using (Assert.EnterMultipleScope())
        {
            Assert.That(status, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(Html.Text(html), Does.Contain("The response was refused"));
            Assert.That(Html.TextById(html, "oauth-error"), Is.Null);
            Assert.That(html, Does.Not.Contain("The citizen cancelled."));
        }
    }
}
