using System.Net;
using System.Text;

using Microsoft.IdentityModel.Tokens;

using Verify.StubIdp.Tests.Support;

namespace Verify.StubIdp.Tests.Oidc;

/// <summary>What the stub's OpenID Provider refuses: "break one thing" from a valid request each time.</summary>
public sealed class OidcRefusalTests
{
    private StubIdpHost _host = null!;

    [OneTimeSetUp]
    public async Task StartAsync() => _host = await StubIdpHost.StartAsync(OidcHubClient.WithOidc);

    [OneTimeTearDown]
    public async Task StopAsync() => await _host.DisposeAsync();

    [TestCase("client_id", "https://elsewhere.test/client")]
    [TestCase("redirect_uri", "https://attacker.test/callback")]
    [TestCase("redirect_uri", OidcHubClient.RedirectUri + "/")]
    public async Task Authorize_WithAnUntrustedClientOrRedirect_ShowsTheErrorAndRedirectsNowhere(string parameter, string value)
    {
        var hub = new OidcHubClient(_host, "stub-idp-one");

        using var response = await hub.AuthorizeAsync(p => p[parameter] = value);

        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(response.Headers.Location, Is.Null);
        });
    }

    [TestCase("code_challenge", null, "invalid_request")]
    [TestCase("code_challenge_method", "plain", "invalid_request")]
    [TestCase("nonce", null, "invalid_request")]
    [TestCase("response_type", "code id_token", "unsupported_response_type")]
    [TestCase("scope", "profile", "invalid_scope")]
    [TestCase("request", "eyJhbGciOiJub25lIn0.e30.", "request_not_supported")]
    public async Task Authorize_BreakingTheProfile_RedirectsAnErrorWithTheState(string parameter, string? value, string error)
    {
        var hub = new OidcHubClient(_host, "stub-idp-one");

        using var response = await hub.AuthorizeAsync(p => p[parameter] = value);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        var query = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(response.Headers.Location!.Query);
        Assert.Multiple(() =>
        {
            Assert.That(response.Headers.Location!.GetLeftPart(UriPartial.Path), Is.EqualTo(OidcHubClient.RedirectUri));
            Assert.That(query["error"].ToString(), Is.EqualTo(error));
            Assert.That(query["state"].ToString(), Is.EqualTo(hub.State));
        });
    }

    [Test]
    public async Task Token_RedeemingACodeTwice_IsRefused()
    {
        var hub = await new OidcHubClient(_host, "stub-idp-one").OpenLoginPageAsync();
        var code = (await hub.PressAsync("success-level2"))["code"];

        var first = await hub.RedeemAsync(hub.TokenFields(code));
        var second = await hub.RedeemAsync(hub.TokenFields(code));

        Assert.Multiple(() =>
        {
            Assert.That(first.Status, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(second.Status, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(second.Body.GetProperty("error").GetString(), Is.EqualTo("invalid_grant"));
        });
    }

    [TestCase("code_verifier", "wrong-verifier-wrong-verifier-wrong-verifier-0000")]
    [TestCase("code_verifier", null)]
    [TestCase("redirect_uri", "https://hub.test/oidc/client/other")]
    [TestCase("code", "not-a-code")]
    [TestCase("grant_type", "client_credentials")]
    public async Task Token_BreakingTheGrant_IsRefused(string field, string? value)
    {
        var hub = await new OidcHubClient(_host, "stub-idp-one").OpenLoginPageAsync();
        var fields = hub.TokenFields((await hub.PressAsync("success-level2"))["code"]);
        SetOrRemove(fields, field, value);

        var (status, body) = await hub.RedeemAsync(fields);

        Assert.Multiple(() =>
        {
            Assert.That(status, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(body.GetProperty("error").GetString(), Is.AnyOf("invalid_grant", "unsupported_grant_type"));
        });
    }

    [Test]
    public async Task Token_ACodeFromAnotherIdp_IsRefused()
    {
        var one = await new OidcHubClient(_host, "stub-idp-one").OpenLoginPageAsync();
        var code = (await one.PressAsync("success-level2"))["code"];
        var two = new OidcHubClient(_host, "stub-idp-two");

        var fields = one.TokenFields(code, two.ClientAssertion());
        using var response = await two.Client.PostAsync(two.Issuer + "/token", new FormUrlEncodedContent(fields));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
    }

    [Test]
    public async Task Token_AfterTheCodeExpired_IsRefused()
    {
        await using var host = await StubIdpHost.StartAsync(OidcHubClient.WithOidc);
        var hub = await new OidcHubClient(host, "stub-idp-one").OpenLoginPageAsync();
        var code = (await hub.PressAsync("success-level2"))["code"];
        host.Clock.Advance(TimeSpan.FromMinutes(3));

        var (status, body) = await hub.RedeemAsync(hub.TokenFields(code));

        Assert.Multiple(() =>
        {
            Assert.That(status, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(body.GetProperty("error").GetString(), Is.EqualTo("invalid_grant"));
        });
    }

    [TestCase("another key")]
    [TestCase("wrong audience")]
    [TestCase("wrong subject")]
    [TestCase("expired")]
    [TestCase("too long-lived")]
    [TestCase("no jti")]
    [TestCase("alg none")]
    [TestCase("missing")]
    public async Task Token_WithABadClientAssertion_IsInvalidClient(string mutation)
    {
        var hub = await new OidcHubClient(_host, "stub-idp-one").OpenLoginPageAsync();
        var code = (await hub.PressAsync("success-level2"))["code"];
        var now = _host.Clock.GetUtcNow();
        var assertion = mutation switch
        {
            "another key" => hub.ClientAssertion("test-rp-signing"),
            "wrong audience" => hub.ClientAssertion(audience: "https://idp.test/elsewhere"),
            "wrong subject" => hub.ClientAssertion(tamper: c => c["sub"] = "someone-else"),
            "expired" => hub.ClientAssertion(tamper: c => c["exp"] = now.AddMinutes(-5).ToUnixTimeSeconds()),
            "too long-lived" => hub.ClientAssertion(tamper: c => c["exp"] = now.AddHours(3).ToUnixTimeSeconds()),
            "no jti" => hub.ClientAssertion(tamper: c => c.Remove("jti")),
            "alg none" => Unsigned(hub),
            _ => "",
        };

        var (status, body) = await hub.RedeemAsync(hub.TokenFields(code, assertion));

        Assert.Multiple(() =>
        {
            Assert.That(status, Is.EqualTo(HttpStatusCode.Unauthorized));
            Assert.That(body.GetProperty("error").GetString(), Is.EqualTo("invalid_client"));
        });
    }

    [Test]
    public async Task Token_ReusingAClientAssertion_IsInvalidClient()
    {
        var hub = await new OidcHubClient(_host, "stub-idp-one").OpenLoginPageAsync();
        var assertion = hub.ClientAssertion();
        var first = await hub.RedeemAsync(hub.TokenFields((await hub.PressAsync("success-level2"))["code"], assertion));
        var again = await new OidcHubClient(_host, "stub-idp-one").OpenLoginPageAsync();

        var second = await again.RedeemAsync(again.TokenFields((await again.PressAsync("success-level2"))["code"], assertion));

        Assert.Multiple(() =>
        {
            Assert.That(first.Status, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(second.Status, Is.EqualTo(HttpStatusCode.Unauthorized));
        });
    }

    [Test]
    public async Task Login_AnsweredTwice_IsRefusedTheSecondTime()
    {
        var hub = await new OidcHubClient(_host, "stub-idp-one").OpenLoginPageAsync();
        await hub.PressAsync("success-level2");

        var fields = new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = Html.InputValue(hub.LoginPageHtml, "__RequestVerificationToken")!,
            ["pending"] = Html.InputValue(hub.LoginPageHtml, "pending")!,
            ["outcome"] = "success-level2",
            ["identity"] = "sarah-thompson",
        };
        using var again = await hub.Client.PostAsync(_host.Url("stub-idp-one/oidc/login"), new FormUrlEncodedContent(fields));

        Assert.Multiple(() =>
        {
            Assert.That(again.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(again.Headers.Location, Is.Null);
        });
    }

    [Test]
    public async Task Login_WithAPendingRequestOfTheSamlSide_IsRefused()
    {
        var saml = await new LoginJourney(_host, "stub-idp-one").OpenLoginPageAsync();
        var pending = Html.InputValue(saml.LoginPageHtml, "pending")!;

        using var response = await saml.Client.GetAsync(_host.Url("stub-idp-one/oidc/login?pending=" + Uri.EscapeDataString(pending)));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
    }

    private static string Unsigned(OidcHubClient hub)
    {
        var signed = hub.ClientAssertion();
        var header = Base64UrlEncoder.Encode(Encoding.UTF8.GetBytes("{\"alg\":\"none\",\"typ\":\"JWT\"}"));
        return header + "." + signed.Split('.')[1] + ".";
    }

    private static void SetOrRemove(Dictionary<string, string> fields, string field, string? value)
    {
        if (value is null)
        {
            fields.Remove(field);
        }
        else
        {
            fields[field] = value;
        }
    }
}
