using System.Security.Cryptography;
using System.Text.Json;

using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.Tokens;

using Verify.Hub.Identity;
using Verify.Hub.Journey.Assurance;
using Verify.Hub.Oidc.Provider.Clients;
using Verify.Hub.Tests.Oidc.Provider.Support;
using Verify.Hub.Tests.Support;

namespace Verify.Hub.Tests.Oidc.Provider.Interop;

/// <summary>
/// openid-client 6 (npm, an OpenID-certified relying party library; INTEROP.md point 8) signs in through the running
/// hub with code + PKCE S256 + private_key_jwt, the citizen verified by the SAML stub IDP, and validates the ID token
/// (issuer, audience, nonce, RS256 signature against the hub's JWKS) and userinfo (sub equal to the ID token's).
/// </summary>
public sealed class OpenIdClientInteropTests
{
    private const string KeyId = "openid-client-1";
    private static readonly string[] ParQuery = ["client_id", "request_uri"];

    private HubHarness _hub = null!;
    private OidcTestClient _registration = null!;
    private RSA _key = null!;

    [OneTimeSetUp]
    public static Task InstallAsync() => OpenIdClientPeer.EnsureInstalledAsync();

    [SetUp]
    public async Task StartAsync()
    {
        _hub = await HubHarness.StartAsync();
        _key = RSA.Create(2048);

        // The test directory's RP registers openid-client's public key; the script gets the private one.
        _registration = new OidcTestClient(_hub, key: new RsaSecurityKey(_key) { KeyId = KeyId });
        _registration.Register();
    }

    [TearDown]
    public async Task StopAsync()
    {
        await _hub.DisposeAsync();
        _key.Dispose();
    }

    [Test]
    public async Task OpenIdClient_SignsInWithCodePkceAndPrivateKeyJwt_AndValidatesTheIdTokenAndUserInfo()
    {
        using var peer = Start(par: false);
        using var request = await peer.AuthorizationRequestAsync();
        var url = new Uri(request.RootElement.GetProperty("authorization_url").GetString()!);
        var query = QueryHelpers.ParseQuery(url.Query);
        Assert.Multiple(() =>
        {
            Assert.That(url.GetLeftPart(UriPartial.Path), Is.EqualTo(new Uri(_hub.BaseUrl, "/connect/authorize").AbsoluteUri));
            Assert.That(query["code_challenge_method"].ToString(), Is.EqualTo("S256"));
            Assert.That(query["acr_values"].ToString(), Is.EqualTo(LevelOfAssurance.Level2.AuthnContext));
        });

        using var result = await peer.FinishAsync(await JourneyAsync(url));
        AssertSignedIn(result);
    }

    [Test]
    public async Task OpenIdClient_SignsInOverPar_WithOnlyTheRequestUriInTheBrowser()
    {
        using var peer = Start(par: true);
        using var request = await peer.AuthorizationRequestAsync();
        var url = new Uri(request.RootElement.GetProperty("authorization_url").GetString()!);

        // RFC 9126 4: the browser carries the client ID and the request URI the hub returned, nothing of the request.
        Assert.That(QueryHelpers.ParseQuery(url.Query).Keys, Is.EquivalentTo(ParQuery));
        using var result = await peer.FinishAsync(await JourneyAsync(url));
        AssertSignedIn(result);
    }

    [Test]
    public async Task OpenIdClient_RefusesACallbackWhoseIssuerIsNotTheHub()
    {
        // The harness must be able to fail: openid-client checks RFC 9207's iss, so a mixed-up callback is refused.
        using var peer = Start(par: false);
        using var request = await peer.AuthorizationRequestAsync();
        var callback = await JourneyAsync(new Uri(request.RootElement.GetProperty("authorization_url").GetString()!));
        var forged = new Uri(QueryHelpers.AddQueryString(
            OidcTestClient.RedirectUri,
            QueryHelpers.ParseQuery(callback.Query).Select(q => KeyValuePair.Create(q.Key, (string?)(q.Key == "iss" ? "https://other-op.test/" : q.Value.ToString())))));

        var (exitCode, error) = await peer.RefuseAsync(forged);
        Assert.Multiple(() =>
        {
            Assert.That(exitCode, Is.Not.Zero);
            Assert.That(error, Does.Contain("iss"));
        });
    }

    private OpenIdClientPeer Start(bool par)
    {
        string[] arguments =
        [
            "--client-id", _registration.ClientId,
            "--redirect-uri", OidcTestClient.RedirectUri,
            "--scope", "openid " + OidcClaimNames.IdentityScope,
            "--acr-values", LevelOfAssurance.Level2.AuthnContext,
        ];
        return OpenIdClientPeer.Start(_hub.BaseUrl, PrivateJwk(), par ? [.. arguments, "--par"] : arguments);
    }

    /// <summary>The citizen's browser from openid-client's authorization URL to the hub's redirect to the RP.</summary>
    private async Task<Uri> JourneyAsync(Uri authorizationUrl)
    {
        var start = await _registration.FollowOnHubAsync(await _hub.Client.GetAsync(authorizationUrl));
        var toRp = await OidcJourney.ThroughIdpAsync(_registration, start);
        Assert.That(OidcTestClient.Callback(toRp), Does.ContainKey("code"));
        return toRp.Headers.Location!;
    }

    private void AssertSignedIn(JsonDocument result)
    {
        var root = result.RootElement;
        var claims = root.GetProperty("id_token_claims");
        var userinfo = root.GetProperty("userinfo");
        var verified = userinfo.GetProperty("verified_claims");
        var identity = verified.GetProperty("claims");

        // The pairwise sub (ARCHITECTURE.md "Identifiers"): this client's sector, the IDP, the IDP's PID; never the PID.
        var pairwise = _hub.Services.GetRequiredService<HubSecrets>().PairwiseIdentifier(_registration.ClientId, TestDirectory.IdpOne, "pid-jane-0001");
        Assert.Multiple(() =>
        {
            Assert.That(root.GetProperty("id_token_header").GetProperty("alg").GetString(), Is.EqualTo("RS256"));
            Assert.That(claims.GetProperty("iss").GetString(), Is.EqualTo(_hub.BaseUrl.AbsoluteUri));
            Assert.That(claims.GetProperty("aud").ToString(), Does.Contain(_registration.ClientId));
            Assert.That(claims.GetProperty("sub").GetString(), Is.EqualTo(pairwise));
            Assert.That(claims.GetProperty("acr").GetString(), Is.EqualTo(LevelOfAssurance.Level2.AuthnContext));
            Assert.That(root.GetRawText(), Does.Not.Contain("pid-jane"));

            Assert.That(userinfo.GetProperty("sub").GetString(), Is.EqualTo(pairwise));
            Assert.That(verified.GetProperty("verification").GetProperty("trust_framework").GetString(), Is.EqualTo("uk_tfida"));
            Assert.That(verified.GetProperty("verification").GetProperty("assurance_level").GetString(), Is.EqualTo(LevelOfAssurance.Level2.Name));
            Assert.That(identity.GetProperty("given_name").GetString(), Is.EqualTo("Jane"));
            Assert.That(identity.GetProperty("family_name").GetString(), Is.EqualTo("Citizen"));
            Assert.That(identity.GetProperty("birthdate").GetString(), Is.EqualTo("1984-02-29"));
            Assert.That(identity.GetProperty("address").GetProperty("postal_code").GetString(), Is.EqualTo("TE1 1ST"));

            // Only what the registration lists (OidcTestClient: no middle name) and nothing the hub does not release.
            Assert.That(identity.TryGetProperty("middle_name", out _), Is.False);
            Assert.That(identity.TryGetProperty("gender", out _), Is.False);
        });
    }

    /// <summary>The client's private key as a JWK (RFC 7518 6.3.2), for the script's environment.</summary>
    private string PrivateJwk()
    {
        var p = _key.ExportParameters(includePrivateParameters: true);
        return JsonSerializer.Serialize(new Dictionary<string, string>
        {
            ["kty"] = "RSA",
            ["kid"] = KeyId,
            ["n"] = Base64UrlEncoder.Encode(p.Modulus),
            ["e"] = Base64UrlEncoder.Encode(p.Exponent),
            ["d"] = Base64UrlEncoder.Encode(p.D),
            ["p"] = Base64UrlEncoder.Encode(p.P),
            ["q"] = Base64UrlEncoder.Encode(p.Q),
            ["dp"] = Base64UrlEncoder.Encode(p.DP),
            ["dq"] = Base64UrlEncoder.Encode(p.DQ),
            ["qi"] = Base64UrlEncoder.Encode(p.InverseQ),
        });
    }
}
