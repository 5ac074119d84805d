using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;

using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

using Verify.Hub.Journey.Assurance;
using Verify.Hub.Tests.Oidc.Provider.Support;
using Verify.Hub.Tests.Support;
using Verify.Testing;

namespace Verify.Hub.Tests.Oidc.Provider;

/// <summary>An OIDC RP signs in through the hub, the citizen verified by the SAML stub IDP (OIDC RP ↔ SAML IDP).</summary>
public sealed class HappyPathTests
{
    private static readonly string[] CodeOnly = ["code"];
    private static readonly string[] S256Only = ["S256"];

    private HubHarness _hub = null!;
    private OidcTestClient _client = null!;

    [SetUp]
    public async Task StartAsync()
    {
        _hub = await HubHarness.StartAsync();
        _client = new OidcTestClient(_hub);
        _client.Register();
    }

    [TearDown]
    public async Task StopAsync() => await _hub.DisposeAsync();

    [Test]
    public async Task Discovery_PublishesTheCodeFlowOnlyWithPkceS256AndPar()
    {
        using var json = JsonDocument.Parse(await _hub.Client.GetStringAsync("/.well-known/openid-configuration"));
        var root = json.RootElement;
        Assert.Multiple(() =>
        {
            Assert.That(root.GetProperty("issuer").GetString(), Is.EqualTo(_client.Issuer));
            Assert.That(root.GetProperty("response_types_supported").EnumerateArray().Select(e => e.GetString()), Is.EqualTo(CodeOnly));
            Assert.That(root.GetProperty("code_challenge_methods_supported").EnumerateArray().Select(e => e.GetString()), Is.EqualTo(S256Only));
            Assert.That(root.GetProperty("pushed_authorization_request_endpoint").GetString(), Does.EndWith("/connect/par"));
            Assert.That(root.GetProperty("authorization_response_iss_parameter_supported").GetBoolean(), Is.True);
        });
    }

    [Test]
    public async Task Jwks_PublishesTheHubSigningKey()
    {
        var jwks = new JsonWebKeySet(await _hub.Client.GetStringAsync("/connect/jwks"));
        var hubKey = new X509SecurityKey(SampleCerts.Certificate("hub-signing"));
        Assert.That(jwks.Keys.Select(k => k.X5t), Does.Contain(Base64UrlEncoder.Encode(hubKey.Certificate.GetCertHash())));
    }

    [Test]
    public async Task SignIn_IssuesACodeThenAnIdTokenWithPairwiseSubAcrAndVerifiedClaims()
    {
        var callback = await OidcJourney.SignInAsync(_client);
        Assert.Multiple(() =>
        {
            Assert.That(callback["state"], Is.EqualTo(_client.State));
            Assert.That(callback["iss"], Is.EqualTo(_client.Issuer), "RFC 9207");
        });

        var tokenResponse = await _client.RedeemAsync(callback["code"]);
        var body = await tokenResponse.Content.ReadAsStringAsync();
        Assert.That(tokenResponse.StatusCode, Is.EqualTo(HttpStatusCode.OK), body);
        using var tokens = JsonDocument.Parse(body);
        var idToken = tokens.RootElement.GetProperty("id_token").GetString()!;
        var validated = await new JsonWebTokenHandler().ValidateTokenAsync(idToken, new TokenValidationParameters
        {
            ValidIssuer = _client.Issuer,
            ValidAudience = _client.ClientId,
            IssuerSigningKey = new X509SecurityKey(SampleCerts.Certificate("hub-signing")),
            ValidAlgorithms = [SecurityAlgorithms.RsaSha256],
            LifetimeValidator = (_, _, _, _) => true,
        });
        Assert.That(validated.IsValid, Is.True, validated.Exception?.Message);
        var claims = validated.Claims;
        Assert.Multiple(() =>
        {
            Assert.That(claims["nonce"], Is.EqualTo(_client.Nonce));
            Assert.That(claims["acr"], Is.EqualTo(LevelOfAssurance.Level2.AuthnContext));
            Assert.That((string)claims["sub"], Has.Length.EqualTo(64).And.Not.Contain("pid-jane"));
            Assert.That(idToken, Does.Not.Contain("pid-jane"));
        });

        // UserInfo: the same sub, and the verified identity in the OIDC4IDA shape.
        using var userInfoRequest = new HttpRequestMessage(HttpMethod.Get, "/connect/userinfo");
        userInfoRequest.Headers.Authorization = new AuthenticationHeaderValue("Bearer", tokens.RootElement.GetProperty("access_token").GetString());
        var userInfo = await _hub.Client.SendAsync(userInfoRequest);
        var userInfoBody = await userInfo.Content.ReadAsStringAsync();
        Assert.That(userInfo.StatusCode, Is.EqualTo(HttpStatusCode.OK), userInfoBody);
        using var info = JsonDocument.Parse(userInfoBody);
        var verified = info.RootElement.GetProperty("verified_claims");
        Assert.Multiple(() =>
        {
            Assert.That(info.RootElement.GetProperty("sub").GetString(), Is.EqualTo(claims["sub"]));
            Assert.That(verified.GetProperty("verification").GetProperty("trust_framework").GetString(), Is.EqualTo("uk_tfida"));
            Assert.That(verified.GetProperty("claims").GetProperty("family_name").GetString(), Is.Not.Empty);
            Assert.That(verified.GetProperty("claims").TryGetProperty("gender", out _), Is.False);
        });
    }
}
