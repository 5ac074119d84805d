using System.Net;
using System.Web;

using Verify.TestRp.Oidc;
using Verify.TestRp.Tests.Support;

namespace Verify.TestRp.Tests.Oidc;

/// <summary>
/// Signing out after an OIDC sign-in (RP-Initiated Logout 1.0): the verified identity's page offers it only for a
/// registration with a post-logout redirect URI; the sign-out sends the ID token the hub issued as the hint, the
/// registered post-logout URI and a state; the post-logout redirect is accepted once, with that state only.
/// </summary>
public sealed class OidcSignOutTests
{
    private OidcRp _rp = null!;

    [OneTimeSetUp]
    public async Task StartAsync() => _rp = await OidcRp.StartAsync();

    [OneTimeTearDown]
    public async Task StopAsync() => await _rp.DisposeAsync();

    [Test]
    public async Task SignOut_SendsTheIdTokenAsHint_ThenThePostLogoutRedirectSaysSignedOut_Once()
    {
        using var browser = _rp.NewBrowser();
        var token = await SignInAsync(browser);

        using var signOut = await browser.PostFormAsync(TestRpPaths.OidcSignOut, Token(token));
        Assert.That(signOut.StatusCode, Is.EqualTo(HttpStatusCode.Redirect), await signOut.Content.ReadAsStringAsync());
        var location = signOut.Headers.Location!;
        var query = HttpUtility.ParseQueryString(location.Query);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(location.GetLeftPart(UriPartial.Path), Is.EqualTo(new Uri(FakeHub.Issuer, "connect/endsession").AbsoluteUri));
            Assert.That(query["id_token_hint"], Is.EqualTo(_rp.Hub.IssuedIdToken).And.Not.Null);
            Assert.That(query["post_logout_redirect_uri"], Is.EqualTo(new Uri(_rp.BaseUrl, TestRpPaths.OidcSignedOut).AbsoluteUri));
            Assert.That(query["state"], Has.Length.InRange(20, 1024));
        }

        var back = "?state=" + Uri.EscapeDataString(query["state"]!);
        using var signedOut = await browser.GetAsync(TestRpPaths.OidcSignedOut + back);
        var html = await signedOut.Content.ReadAsStringAsync();
        using var replayed = await browser.GetAsync(TestRpPaths.OidcSignedOut + back);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(signedOut.StatusCode, Is.EqualTo(HttpStatusCode.OK), Html.TextById(html, "error-reason"));
            Assert.That(html, Does.Contain("You have signed out"));
            Assert.That(replayed.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest), "a state is redeemed once");
        }
    }

    [Test]
    public async Task SignOut_Twice_TheSecondHasNothingToEnd()
    {
        using var browser = _rp.NewBrowser();
        var token = await SignInAsync(browser);
        using var first = await browser.PostFormAsync(TestRpPaths.OidcSignOut, Token(token));

        using var second = await browser.PostFormAsync(TestRpPaths.OidcSignOut, Token(token));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(first.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
            Assert.That(second.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(second.Headers.Location, Is.Null);
            Assert.That(await second.Content.ReadAsStringAsync(), Does.Contain("You are not signed in"));
        }
    }

    [Test]
    public async Task SignOut_WithoutTheAntiforgeryToken_IsRefused_AndTheSignInKept()
    {
        using var browser = _rp.NewBrowser();
        var token = await SignInAsync(browser);

        using var forged = await browser.PostFormAsync(TestRpPaths.OidcSignOut, []);
        using var genuine = await browser.PostFormAsync(TestRpPaths.OidcSignOut, Token(token));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(forged.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(genuine.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        }
    }

    [Test]
    public async Task SignedOut_WithAStateItNeverSent_IsRefused()
    {
        using var browser = _rp.NewBrowser();

        using var response = await browser.GetAsync(TestRpPaths.OidcSignedOut + "?state=forged-state-value-0123456789");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(await response.Content.ReadAsStringAsync(), Does.Contain("The response was refused"));
    }

    [Test]
    public async Task ARegistrationWithoutAPostLogoutUri_OffersNoSignOut()
    {
        using var browser = _rp.NewBrowser();
        var request = await _rp.StartAsync(browser, OidcRp.MatchingKey);

        var (status, html) = await OidcRp.CallbackAsync(browser, OidcRp.CodeResponse(request["state"]!));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(status, Is.EqualTo(HttpStatusCode.OK), Html.TextById(html, "error-reason"));
            Assert.That(html, Does.Contain("You have proved your identity"));
            Assert.That(html, Does.Not.Contain("id=\"sign-out\""));
        }
    }

    /// <summary>Signs in with the default registration; the sign-out form's antiforgery token.</summary>
    private async Task<string> SignInAsync(Browser browser)
    {
        var request = await _rp.StartAsync(browser);
        var (status, html) = await OidcRp.CallbackAsync(browser, OidcRp.CodeResponse(request["state"]!));
        Assert.That(status, Is.EqualTo(HttpStatusCode.OK), Html.TextById(html, "error-reason"));
        Assert.That(html, Does.Contain("id=\"sign-out\""));
        return Html.InputValue(html, "__RequestVerificationToken") ?? throw new AssertionException("No antiforgery token on the sign-out form.");
    }

    private static Dictionary<string, string> Token(string token) => new() { ["__RequestVerificationToken"] = token };
}
