using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

using Microsoft.AspNetCore.WebUtilities;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

using Verify.StubIdp.Oidc;
using Verify.StubIdp.Tests.Support;
using Verify.Testing;

namespace Verify.StubIdp.Tests.Oidc;

/// <summary>
/// The hub's side of the OIDC tests, written from the specs (not with the stub's own code): an authorization request
/// with PKCE, state and nonce; the login page; the redirect back; the token request with a <c>private_key_jwt</c>
/// client assertion signed with the hub's certs-sample key.
/// </summary>
internal sealed class OidcHubClient(StubIdpHost host, string slug)
{
    public const string ClientId = "https://hub.test/oidc";
    public const string RedirectUri = "https://hub.test/oidc/client/callback";

    public HttpClient Client { get; } = host.NewClient();

    public string Slug { get; } = slug;

    public string Issuer => host.Url($"{Slug}/oidc").AbsoluteUri;

    public string State { get; } = Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(16));

    public string Nonce { get; } = Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(16));

    public string CodeVerifier { get; } = Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(32));

    public string LoginPageHtml { get; private set; } = "";

    public static StubIdpOptions WithOidc(StubIdpOptions options) =>
        options with { Oidc = new StubOidcOptions { HubClientId = ClientId, HubRedirectUris = [RedirectUri] } };

    /// <summary>The authorization request's parameters, valid unless <paramref name="tamper"/> changes them.</summary>
    public Dictionary<string, string?> AuthorizationParameters(Action<Dictionary<string, string?>>? tamper = null)
    {
        var parameters = new Dictionary<string, string?>
        {
            ["client_id"] = ClientId,
            ["redirect_uri"] = RedirectUri,
            ["response_type"] = "code",
            ["scope"] = "openid",
            ["state"] = State,
            ["nonce"] = Nonce,
            ["code_challenge"] = Base64UrlEncoder.Encode(SHA256.HashData(Encoding.ASCII.GetBytes(CodeVerifier))),
            ["code_challenge_method"] = "S256",
            ["acr_values"] = Verify.Saml.Saml.AuthnContexts.Level2,
        };
        tamper?.Invoke(parameters);
        return parameters;
    }

    public Task<HttpResponseMessage> AuthorizeAsync(Action<Dictionary<string, string?>>? tamper = null) =>
        Client.GetAsync(QueryHelpers.AddQueryString(Issuer + "/authorize", AuthorizationParameters(tamper)));

    /// <summary>Sends the authorization request and opens the login page it leads to.</summary>
    public async Task<OidcHubClient> OpenLoginPageAsync()
    {
        using var authorize = await AuthorizeAsync();
        Assert.That(authorize.StatusCode, Is.EqualTo(HttpStatusCode.Redirect), await authorize.Content.ReadAsStringAsync());
        using var page = await Client.GetAsync(new Uri(host.BaseUrl, authorize.Headers.Location!));
        LoginPageHtml = await page.Content.ReadAsStringAsync();
        Assert.That(page.StatusCode, Is.EqualTo(HttpStatusCode.OK), LoginPageHtml);
        return this;
    }

    /// <summary>Presses a button; returns the redirect's query (the response must be a 303 to the hub).</summary>
    public async Task<Dictionary<string, string>> PressAsync(string outcome, string? identity = "sarah-thompson")
    {
        var fields = new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = Html.InputValue(LoginPageHtml, "__RequestVerificationToken")!,
            ["pending"] = Html.InputValue(LoginPageHtml, "pending")!,
            ["outcome"] = outcome,
        };
        if (identity is not null)
        {
            fields["identity"] = identity;
        }

        using var response = await Client.PostAsync(new Uri(host.BaseUrl, Html.FormAction(LoginPageHtml)!), new FormUrlEncodedContent(fields));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.SeeOther), await response.Content.ReadAsStringAsync());
        var location = response.Headers.Location!;
        Assert.That(location.GetLeftPart(UriPartial.Path), Is.EqualTo(RedirectUri));
        return QueryHelpers.ParseQuery(location.Query).ToDictionary(p => p.Key, p => p.Value.ToString());
    }

    /// <summary>A client assertion (RFC 7523) signed with <paramref name="signerStem"/>'s certs-sample key.</summary>
    public string ClientAssertion(string signerStem = "hub-signing", Action<Dictionary<string, object>>? tamper = null, string? audience = null)
    {
        var now = host.Clock.GetUtcNow();
        var claims = new Dictionary<string, object>
        {
            ["iss"] = ClientId,
            ["sub"] = ClientId,
            ["aud"] = audience ?? Issuer,
            ["jti"] = Guid.NewGuid().ToString(),
            ["iat"] = now.ToUnixTimeSeconds(),
            ["exp"] = now.AddMinutes(2).ToUnixTimeSeconds(),
        };
        tamper?.Invoke(claims);
        var certificate = SampleCerts.CertificateWithKey(signerStem);
        var key = new X509SecurityKey(certificate);
        return new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(
            JsonSerializer.Serialize(claims), new SigningCredentials(key, SecurityAlgorithms.RsaSha256));
    }

    /// <summary>The token request's fields for <paramref name="code"/>, valid unless tampered with.</summary>
    public Dictionary<string, string> TokenFields(string code, string? assertion = null) => new()
    {
        ["grant_type"] = "authorization_code",
        ["code"] = code,
        ["redirect_uri"] = RedirectUri,
        ["code_verifier"] = CodeVerifier,
        ["client_assertion_type"] = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer",
        ["client_assertion"] = assertion ?? ClientAssertion(),
    };

    public async Task<(HttpStatusCode Status, JsonElement Body)> RedeemAsync(Dictionary<string, string> fields)
    {
        using var response = await Client.PostAsync(Issuer + "/token", new FormUrlEncodedContent(fields));
        var body = await response.Content.ReadAsStringAsync();
        Assert.That(body, Is.Not.Empty, $"{(int)response.StatusCode} {response.Headers}");
        return (response.StatusCode, JsonDocument.Parse(body).RootElement.Clone());
    }
}
