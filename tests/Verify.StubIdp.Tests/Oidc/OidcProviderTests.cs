using System.Net;
using System.Text.Json;

using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

using Verify.Saml.Saml;
using Verify.StubIdp.Identities;
using Verify.StubIdp.Oidc;
using Verify.StubIdp.Tests.Support;

namespace Verify.StubIdp.Tests.Oidc;

/// <summary>The stub's OpenID Provider: discovery, the code flow with PKCE and private_key_jwt, every button's answer.</summary>
public sealed class OidcProviderTests
{
    private static readonly string[] S256 = ["S256"];
    private static readonly string[] PrivateKeyJwt = ["private_key_jwt"];
    private static readonly string[] HubAudience = [OidcHubClient.ClientId];

    private StubIdpHost _host = null!;

    [OneTimeSetUp]
    public async Task StartAsync() => _host = await StubIdpHost.StartAsync(OidcHubClient.WithOidc);

    [OneTimeTearDown]
    public async Task StopAsync() => await _host.DisposeAsync();

    [Test]
    public async Task Discovery_NamesTheIssuerAndItsEndpoints()
    {
        var hub = new OidcHubClient(_host, "stub-idp-two");

        var document = JsonDocument.Parse(await hub.Client.GetStringAsync(hub.Issuer + "/.well-known/openid-configuration")).RootElement;
        var jwks = new JsonWebKeySet(await hub.Client.GetStringAsync(document.GetProperty("jwks_uri").GetString()));

        Assert.Multiple(() =>
        {
            Assert.That(document.GetProperty("issuer").GetString(), Is.EqualTo(hub.Issuer));
            Assert.That(document.GetProperty("token_endpoint").GetString(), Is.EqualTo(hub.Issuer + "/token"));
            Assert.That(document.GetProperty("code_challenge_methods_supported").EnumerateArray().Select(e => e.GetString()), Is.EqualTo(S256));
            Assert.That(document.GetProperty("token_endpoint_auth_methods_supported").EnumerateArray().Select(e => e.GetString()), Is.EqualTo(PrivateKeyJwt));
            Assert.That(jwks.Keys, Has.Count.EqualTo(1));
            Assert.That(jwks.Keys[0].HasPrivateKey, Is.False);
            Assert.That(jwks.Keys[0].Kty, Is.EqualTo("RSA"));
        });
    }

    [Test]
    public async Task SignInAtLevel2_GivesACodeThatRedeemsForAnIdTokenSignedByThePublishedKey()
    {
        var hub = await new OidcHubClient(_host, "stub-idp-one").OpenLoginPageAsync();

        var answer = await hub.PressAsync(StubOutcome.SignInLevel2.Value, "rhys-llewellyn");
        var (status, body) = await hub.RedeemAsync(hub.TokenFields(answer["code"]));

        Assert.That(status, Is.EqualTo(HttpStatusCode.OK), body.ToString());
        var token = await ValidateIdTokenAsync(hub, body.GetProperty("id_token").GetString()!);
        var rhys = SeededIdentities.All.Single(i => i.Key == "rhys-llewellyn");
        var dataset = JsonSerializer.Deserialize<MatchingDataset>(token.GetPayloadValue<JsonElement>(StubOidcClaims.MatchingDataset).GetRawText(), StubOidcClaims.DatasetJson);
        Assert.Multiple(() =>
        {
            Assert.That(answer["state"], Is.EqualTo(hub.State));
            Assert.That(answer["iss"], Is.EqualTo(hub.Issuer));
            Assert.That(token.Issuer, Is.EqualTo(hub.Issuer));
            Assert.That(token.Audiences, Is.EqualTo(HubAudience));
            Assert.That(token.GetPayloadValue<string>("nonce"), Is.EqualTo(hub.Nonce));
            Assert.That(token.GetPayloadValue<string>("acr"), Is.EqualTo(AuthnContexts.Level2));
            Assert.That(token.Subject, Is.EqualTo(PersistentIds.For(hub.Issuer, "rhys-llewellyn")));
            Assert.That(token.GetPayloadValue<string>("given_name"), Is.EqualTo("Rhys"));
            Assert.That(token.GetPayloadValue<string>("family_name"), Is.EqualTo("Llewellyn"));
            Assert.That(token.GetPayloadValue<string>("birthdate"), Is.EqualTo("1972-11-30"));
            Assert.That(dataset!.CurrentAddresses.Single().Lines, Is.EqualTo(rhys.Dataset.CurrentAddresses.Single().Lines));
            Assert.That(dataset.Surnames, Is.EqualTo(rhys.Dataset.Surnames));
            Assert.That(token.TryGetPayloadValue<string>(StubOidcClaims.Gpg45Status, out _), Is.False);
            Assert.That(body.GetProperty("token_type").GetString(), Is.EqualTo("Bearer"));
        });
    }

    [Test]
    public async Task UserInfo_AnswersForTheAccessTokenWithTheSameSubject()
    {
        var hub = await new OidcHubClient(_host, "stub-idp-one").OpenLoginPageAsync();
        var answer = await hub.PressAsync(StubOutcome.SignInLevel1.Value, "david-singh");
        var (_, body) = await hub.RedeemAsync(hub.TokenFields(answer["code"]));

        using var request = new HttpRequestMessage(HttpMethod.Get, hub.Issuer + "/userinfo");
        request.Headers.Authorization = new("Bearer", body.GetProperty("access_token").GetString());
        using var response = await hub.Client.SendAsync(request);
        using var forged = new HttpRequestMessage(HttpMethod.Get, hub.Issuer + "/userinfo");
        forged.Headers.Authorization = new("Bearer", body.GetProperty("access_token").GetString() + "x");
        using var refused = await hub.Client.SendAsync(forged);

        var claims = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Multiple(() =>
        {
            Assert.That(claims.GetProperty("sub").GetString(), Is.EqualTo(PersistentIds.For(hub.Issuer, "david-singh")));
            Assert.That(claims.GetProperty("given_name").GetString(), Is.EqualTo("David"));
            Assert.That(refused.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        });
    }

    [TestCase("fraud-df01", "DF01")]
    [TestCase("fraud-it01", "IT01")]
    public async Task Fraud_IsLevelXWithTheIndicator(string outcome, string indicator)
    {
        var hub = await new OidcHubClient(_host, "stub-idp-one").OpenLoginPageAsync();
        var answer = await hub.PressAsync(outcome);
        var (_, body) = await hub.RedeemAsync(hub.TokenFields(answer["code"]));

        var token = await ValidateIdTokenAsync(hub, body.GetProperty("id_token").GetString()!);

        Assert.Multiple(() =>
        {
            Assert.That(token.GetPayloadValue<string>("acr"), Is.EqualTo(AuthnContexts.LevelX));
            Assert.That(token.GetPayloadValue<string>(StubOidcClaims.Gpg45Status), Is.EqualTo(indicator));
            Assert.That(token.GetPayloadValue<string>(StubOidcClaims.FraudEventId), Is.Not.Empty);
        });
    }

    [TestCase("cancel", "access_denied", "authn-cancel")]
    [TestCase("authn-failed", "access_denied", "authn-failed")]
    [TestCase("requester-error", "invalid_request", null)]
    [TestCase("uplift-failed", "unmet_authentication_requirements", "uplift-failed")]
    [TestCase("pending", "unmet_authentication_requirements", "loa-pending")]
    public async Task FailureButtons_AnswerWithAnErrorAndVerifysDetail(string outcome, string error, string? detail)
    {
        var hub = await new OidcHubClient(_host, "stub-idp-one").OpenLoginPageAsync();

        var answer = await hub.PressAsync(outcome, identity: null);

        Assert.Multiple(() =>
        {
            Assert.That(answer["error"], Is.EqualTo(error));
            Assert.That(answer.GetValueOrDefault(StubOidcOutcomes.DetailParameter), Is.EqualTo(detail));
            Assert.That(answer["state"], Is.EqualTo(hub.State));
            Assert.That(answer["iss"], Is.EqualTo(hub.Issuer));
            Assert.That(answer.ContainsKey("code"), Is.False);
        });
    }

    [Test]
    public void EveryButton_HasAnOidcAnswer()
    {
        Assert.That(StubOutcome.All.Where(o => !o.NeedsIdentity).Select(StubOidcOutcomes.ErrorFor), Is.All.Not.Null);
    }

    private async Task<JsonWebToken> ValidateIdTokenAsync(OidcHubClient hub, string idToken)
    {
        var jwks = new JsonWebKeySet(await hub.Client.GetStringAsync(hub.Issuer + "/jwks"));
        var result = await new JsonWebTokenHandler().ValidateTokenAsync(idToken, new TokenValidationParameters
        {
            IssuerSigningKeys = jwks.GetSigningKeys(),
            ValidIssuer = hub.Issuer,
            ValidAudience = OidcHubClient.ClientId,
            LifetimeValidator = (notBefore, expires, _, _) => expires > _host.Clock.GetUtcNow().UtcDateTime,
            ValidAlgorithms = ["RS256"],
        });
        Assert.That(result.IsValid, Is.True, result.Exception?.Message);
        return (JsonWebToken)result.SecurityToken;
    }
}
