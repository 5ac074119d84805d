using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

using Microsoft.IdentityModel.Tokens;

using Verify.Hub.Tests.Oidc.Provider.Support;
using Verify.Hub.Tests.Support;
using Verify.Testing.Web;

namespace Verify.Hub.Tests.Oidc.Provider;

/// <summary>
/// Token requests that break one thing (issue 7's attack list), each from a valid code: refused with the right
/// OAuth error and no token issued; a code used twice also revokes what its first use issued.
/// </summary>
public sealed class TokenAttackTests
{
    private HubHarness _hub = null!;
    private OidcTestClient _client = null!;
    private string _code = null!;

    [SetUp]
    public async Task StartAsync()
    {
        _hub = await HubHarness.StartAsync();
        _client = new OidcTestClient(_hub);
        _client.Register();
        _code = (await OidcJourney.SignInAsync(_client))["code"];
    }

    [TearDown]
    public async Task StopAsync() => await _hub.DisposeAsync();

    [Test]
    public async Task CodeReused_IsRefusedAndTheTokensFromItsFirstUseAreRevoked()
    {
        var first = await _client.RedeemAsync(_code);
        Assert.That(first.StatusCode, Is.EqualTo(HttpStatusCode.OK), await first.Content.ReadAsStringAsync());
        using var tokens = JsonDocument.Parse(await first.Content.ReadAsStringAsync());
        var accessToken = tokens.RootElement.GetProperty("access_token").GetString()!;
        Assert.That((await UserInfoAsync(accessToken)).StatusCode, Is.EqualTo(HttpStatusCode.OK));

        await AssertRefusedAsync(await _client.RedeemAsync(_code), "invalid_grant");
        Assert.That((await UserInfoAsync(accessToken)).StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized), "RFC 6749 4.1.2: tokens from a reused code are revoked");
    }

    [Test]
    public async Task PkceVerifierWrong_IsRefused() =>
        await AssertRefusedAsync(await _client.RedeemAsync(_code, ("code_verifier", Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(32)))), "invalid_grant");

    [Test]
    public async Task PkceVerifierMissing_IsRefused() =>
        await AssertRefusedAsync(await _client.RedeemAsync(_code, ("code_verifier", null)), "invalid_request");

    [Test]
    public async Task RedirectUriDifferent_IsRefused() =>
        await AssertRefusedAsync(await _client.RedeemAsync(_code, ("redirect_uri", "https://rp.test/other")), "invalid_grant");

    [Test]
    public async Task CodeUsedByAnotherClient_IsRefused()
    {
        var other = new OidcTestClient(_hub, "https://other-rp.test");
        other.Register();
        var response = await _hub.Client.PostFormAsync(_client.TokenEndpoint, new Dictionary<string, string>
        {
            ["grant_type"] = "authorization_code",
            ["code"] = _code,
            ["redirect_uri"] = OidcTestClient.RedirectUri,
            ["code_verifier"] = _client.Verifier,
            ["client_id"] = other.ClientId,
            ["client_assertion_type"] = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer",
            ["client_assertion"] = other.Assertion(),
        });
        await AssertRefusedAsync(response, "invalid_grant");
    }

    [Test]
    public async Task UnknownClient_IsRefused() =>
        await AssertRefusedAsync(await _client.RedeemAsync(_code, ("client_id", "https://unknown.test"), ("client_assertion", _client.Assertion(issuer: "https://unknown.test"))), "invalid_client");

    [Test]
    public async Task NoClientAuthentication_IsRefused() =>
        await AssertRefusedAsync(await _client.RedeemAsync(_code, ("client_assertion", null), ("client_assertion_type", null)), "invalid_client");

    [Test]
    public async Task ClientSecretWhereNotEnabled_IsRefused() =>
        await AssertRefusedAsync(await _client.RedeemAsync(_code, ("client_assertion", null), ("client_assertion_type", null), ("client_secret", "guess")), "invalid_client");

    [Test]
    public async Task AssertionAlgNone_IsRefused()
    {
        var header = Base64UrlEncoder.Encode("""{"alg":"none","typ":"client-authentication+jwt"}""");
        var signed = _client.Assertion().Split('.');
        await AssertRefusedAsync(await _client.RedeemAsync(_code, ("client_assertion", header + "." + signed[1] + ".")), "invalid_client");
    }

    [Test]
    public async Task AssertionHs256WithThePublicKeyAsSecret_IsRefused()
    {
        var publicKeyAsSecret = new SymmetricSecurityKey(Encoding.UTF8.GetBytes(_client.Jwks()));
        await AssertRefusedAsync(
            await _client.RedeemAsync(_code, ("client_assertion", _client.Assertion(publicKeyAsSecret, SecurityAlgorithms.HmacSha256))), "invalid_client");
    }

    [Test]
    public async Task AssertionSignedByAnotherKey_IsRefused() =>
        await AssertRefusedAsync(
            await _client.RedeemAsync(_code, ("client_assertion", _client.Assertion(new RsaSecurityKey(RSA.Create(2048)) { KeyId = _client.Key.KeyId }))), "invalid_client");

    [Test]
    public async Task AssertionReplayed_IsRefused()
    {
        var assertion = _client.Assertion();
        var first = await _client.RedeemAsync(_code, ("client_assertion", assertion));
        Assert.That(first.StatusCode, Is.EqualTo(HttpStatusCode.OK));

        // A second code, redeemed with the first request's assertion (same client, same key).
        var second = new OidcTestClient(_hub, key: _client.Key);
        var code = (await OidcJourney.SignInAsync(second))["code"];
        await AssertRefusedAsync(await second.RedeemAsync(code, ("client_assertion", assertion)), "invalid_client");
    }

    [Test]
    public async Task AssertionExpired_IsRefused() =>
        await AssertRefusedAsync(await _client.RedeemAsync(_code, ("client_assertion", _client.Assertion(lifetime: TimeSpan.FromMinutes(-10)))), "invalid_client");

    [Test]
    public async Task AssertionForAnotherAudience_IsRefused()
    {
        // OpenIddict answers a client assertion for another audience with invalid_grant (its token-audience check).
        var response = await _client.RedeemAsync(_code, ("client_assertion", _client.Assertion(audience: "https://another-op.test/")));
        await AssertRefusedAsync(response, "invalid_grant");
        Assert.That(await response.Content.ReadAsStringAsync(), Does.Contain("audience"));
    }

    private async Task<HttpResponseMessage> UserInfoAsync(string accessToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/connect/userinfo");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        return await _hub.Client.SendAsync(request);
    }

    private static async Task AssertRefusedAsync(HttpResponseMessage response, string error)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.Multiple(() =>
        {
            Assert.That((int)response.StatusCode, Is.InRange(400, 401), body);
            Assert.That(body, Does.Not.Contain("access_token").And.Not.Contain("id_token"));
        });
        Assert.That(await OidcTestClient.ErrorOf(response), Is.EqualTo(error), body);
    }
}
