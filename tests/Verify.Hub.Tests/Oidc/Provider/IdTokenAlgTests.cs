using System.Net;
using System.Text.Json;

using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

using Verify.Hub.Tests.Oidc.Provider.Support;
using Verify.Hub.Tests.Support;

namespace Verify.Hub.Tests.Oidc.Provider;

/// <summary>
/// ID tokens in the algorithm a client registered (<c>id_token_signed_response_alg</c>, issue 7): PS256 with the RSA
/// key, ES256 with the OIDC EC key, RS256 by default; each verifies with the JWKS key of its <c>kid</c>.
/// </summary>
public sealed class IdTokenAlgTests
{
    private static readonly string[] AllAlgs = ["RS256", "PS256", "ES256"];
    private static readonly string[] RsaAlgs = ["RS256", "PS256"];

    private HubHarness _hub = null!;

    [SetUp]
    public async Task StartAsync() =>
        _hub = await HubHarness.StartAsync(signing: new HubSigningOptions { OidcEc = TestSigningCertificates.EcP256("hub-oidc-ec") });

    [TearDown]
    public async Task StopAsync() => await _hub.DisposeAsync();

    [TestCase("RS256")]
    [TestCase("PS256")]
    [TestCase("ES256")]
    public async Task TheClientGetsItsIdTokenInItsAlg_VerifiedWithTheJwksKeyOfThatKid(string alg)
    {
        var client = new OidcTestClient(_hub);
        client.Register(c => c with { IdTokenSignedResponseAlg = alg });

        var idToken = await SignInForIdTokenAsync(client);
        var header = new JsonWebToken(idToken);
        var jwks = new JsonWebKeySet(await _hub.Client.GetStringAsync("/connect/jwks"));
        var key = jwks.Keys.Single(k => k.KeyId == header.Kid);
        var validated = await Validate(client, idToken, key, alg);

        Assert.Multiple(() =>
        {
            Assert.That(header.Alg, Is.EqualTo(alg));
            Assert.That(key.Kty, Is.EqualTo(alg == "ES256" ? "EC" : "RSA"));
            Assert.That(validated.IsValid, Is.True, validated.Exception?.Message);
            Assert.That(validated.Claims["nonce"], Is.EqualTo(client.Nonce));
        });
    }

    [Test]
    public async Task AnRs256Client_StillGetsRs256_WhileAnotherClientIsRegisteredForEs256()
    {
        var es256 = new OidcTestClient(_hub, "https://other-rp.test");
        es256.Register(c => c with { IdTokenSignedResponseAlg = "ES256" });
        var rs256 = new OidcTestClient(_hub);
        rs256.Register();

        var idToken = await SignInForIdTokenAsync(rs256);

        Assert.That(new JsonWebToken(idToken).Alg, Is.EqualTo("RS256"));
    }

    [Test]
    public async Task Discovery_ListsTheAlgsTheHubCanSign_AndJwksPublishesTheEcKeyForEs256()
    {
        using var discovery = JsonDocument.Parse(await _hub.Client.GetStringAsync("/.well-known/openid-configuration"));
        var jwks = new JsonWebKeySet(await _hub.Client.GetStringAsync("/connect/jwks"));

        Assert.Multiple(() =>
        {
            Assert.That(discovery.RootElement.GetProperty("id_token_signing_alg_values_supported").EnumerateArray().Select(e => e.GetString()),
                Is.EquivalentTo(AllAlgs));
            Assert.That(jwks.Keys.Where(k => k.Kty == "EC").Select(k => (k.Crv, k.Alg, k.Use)), Is.EqualTo(new[] { ("P-256", "ES256", "sig") }));
            Assert.That(jwks.Keys.Where(k => k.Kty == "RSA").Select(k => k.Alg), Is.All.Null, "one RSA key signs RS256 and PS256");
            Assert.That(jwks.Keys.Any(k => k.HasPrivateKey), Is.False);
        });
    }

    [Test]
    public async Task WithoutAnEcKey_AnEs256Client_IsRefusedBeforeAJourney_AndDiscoveryOmitsEs256()
    {
        await using var hub = await HubHarness.StartAsync();
        var client = new OidcTestClient(hub);
        client.Register(c => c with { IdTokenSignedResponseAlg = "ES256" });

        var response = await client.AuthorizeAsync();
        using var discovery = JsonDocument.Parse(await hub.Client.GetStringAsync("/.well-known/openid-configuration"));

        var callback = OidcTestClient.Callback(response);
        Assert.Multiple(() =>
        {
            Assert.That(callback["error"], Is.EqualTo("unauthorized_client"));
            Assert.That(callback, Does.Not.ContainKey("code"));
            Assert.That(Flow.CurrentId(hub), Is.Null, "no journey started");
            Assert.That(hub.Recorded.Types, Does.Contain("AuthnRequestRefused"));
            Assert.That(discovery.RootElement.GetProperty("id_token_signing_alg_values_supported").EnumerateArray().Select(e => e.GetString()),
                Is.EquivalentTo(RsaAlgs));
        });
    }

    private static async Task<string> SignInForIdTokenAsync(OidcTestClient client)
    {
        var callback = await OidcJourney.SignInAsync(client);
        var response = await client.RedeemAsync(callback["code"]);
        var body = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), body);
        using var tokens = JsonDocument.Parse(body);
        return tokens.RootElement.GetProperty("id_token").GetString()!;
    }

    private static Task<TokenValidationResult> Validate(OidcTestClient client, string idToken, SecurityKey key, string alg) =>
        new JsonWebTokenHandler().ValidateTokenAsync(idToken, new TokenValidationParameters
        {
            ValidIssuer = client.Issuer,
            ValidAudience = client.ClientId,
            IssuerSigningKey = key,
            ValidAlgorithms = [alg],
            LifetimeValidator = (_, _, _, _) => true,
        });
}
