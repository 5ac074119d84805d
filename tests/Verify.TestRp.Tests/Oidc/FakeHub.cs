using System.Net;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

using Verify.Testing;

namespace Verify.TestRp.Tests.Oidc;

/// <summary>
/// The hub's OpenID Provider as the test RP's back channel sees it, in memory: discovery, JWKS (the sample hub signing
/// key), token and userinfo. The ID token it issues is made by <see cref="IdToken"/>, which a test changes to make a
/// wrong one. It records the token request so tests can check the client assertion and the PKCE verifier.
/// </summary>
internal sealed class FakeHub : HttpMessageHandler
{
    public static readonly Uri Issuer = new("https://hub.test/");

    public const string Sub = "5f1c0e6c3b0a4a8f9d7e2b1c0a9f8e7d6c5b4a3f2e1d0c9b8a7f6e5d4c3b2a1f";

    private readonly SigningCredentials _signing = new(
        new X509SecurityKey(SampleCerts.CertificateWithKey("hub-signing")), SecurityAlgorithms.RsaSha256);

    private SigningCredentials? _tokenSigning;

    public FakeHub(string clientId) => ClientId = clientId;

    public string ClientId { get; }

    /// <summary>The nonce of the authorization request (the test copies it from the redirect).</summary>
    public string? Nonce { get; set; }

    /// <summary>The ID token's claims; a test replaces one to make it wrong.</summary>
    public Dictionary<string, object> IdToken { get; } = [];

    /// <summary>The form of the last token request.</summary>
    public IReadOnlyDictionary<string, string>? TokenRequest { get; private set; }

    /// <summary>How many calls reached the token endpoint.</summary>
    public int TokenCalls { get; private set; }

    /// <summary>The last ID token issued by the token endpoint, as sent.</summary>
    public string? IssuedIdToken { get; private set; }

    public static JsonObject VerifiedClaims(string level = "LEVEL_2") => new()
    {
        ["verification"] = new JsonObject { ["trust_framework"] = "uk_tfida", ["assurance_level"] = level },
        ["claims"] = new JsonObject
        {
            ["given_name"] = "Jane",
            ["family_name"] = "Doe",
            ["birthdate"] = "1980-02-29",
            ["address"] = new JsonObject { ["street_address"] = "1 High Street\nTestville", ["postal_code"] = "TE1 1ST", ["country"] = "GB" },
        },
    };

    /// <summary>Signs ID tokens with another key (same kid as the published one); null for the hub's own.</summary>
    public void SignWith(X509Certificate2? certificate) =>
        _tokenSigning = certificate is null ? null
            : new SigningCredentials(new RsaSecurityKey(certificate.GetRSAPrivateKey()!) { KeyId = _signing.Key.KeyId }, SecurityAlgorithms.RsaSha256);

    /// <summary>Claims userinfo returns besides <c>sub</c>, <c>acr</c> and <c>verified_claims</c>; a test adds some.</summary>
    public Dictionary<string, JsonNode?> MoreUserInfo { get; } = [];

    /// <summary>The claims of a good ID token for the current nonce (for <paramref name="audience"/>, or <see cref="ClientId"/>).</summary>
    public void Reset(string acr = Verify.Saml.Saml.AuthnContexts.Level2, string? audience = null)
    {
        IdToken.Clear();
        MoreUserInfo.Clear();
        IdToken["iss"] = Issuer.AbsoluteUri;
        IdToken["aud"] = audience ?? ClientId;
        IdToken["sub"] = Sub;
        IdToken["acr"] = acr;
        IdToken["nonce"] = Nonce ?? "";
        IdToken["verified_claims"] = JsonSerializer.Deserialize<JsonElement>(VerifiedClaims().ToJsonString());
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var path = request.RequestUri!.AbsolutePath;
        return path switch
        {
            "/.well-known/openid-configuration" => Json(Discovery()),
            "/connect/jwks" => Json(new JsonObject { ["keys"] = new JsonArray(Jwk()) }),
            "/connect/token" => await TokenAsync(request, cancellationToken),
            "/connect/userinfo" => Json(UserInfo()),
            _ => new HttpResponseMessage(HttpStatusCode.NotFound),
        };
    }

    private JsonObject UserInfo()
    {
        var body = new JsonObject
        {
            ["sub"] = (string)IdToken["sub"],
            ["acr"] = (string)IdToken["acr"],
            ["verified_claims"] = VerifiedClaims(),
        };
        foreach (var (name, value) in MoreUserInfo)
        {
            body[name] = value?.DeepClone();
        }

        return body;
    }

    private async Task<HttpResponseMessage> TokenAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        TokenCalls++;
        var form = await request.Content!.ReadAsStringAsync(cancellationToken);
        TokenRequest = form.Split('&').Select(p => p.Split('=', 2)).ToDictionary(p => Uri.UnescapeDataString(p[0]), p => Uri.UnescapeDataString(p[1].Replace('+', ' ')));
        var now = DateTime.UtcNow;
        var token = new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Claims = new Dictionary<string, object>(IdToken) { ["iat"] = EpochTime.GetIntDate(now) },
            IssuedAt = now,
            Expires = now.AddMinutes(5),
            SigningCredentials = _tokenSigning ?? _signing,
        });
        IssuedIdToken = token;
        return Json(new JsonObject { ["access_token"] = "access-token-1", ["token_type"] = "Bearer", ["expires_in"] = 300, ["id_token"] = token });
    }

    /// <summary>Each back-channel handler the RP makes is this one fake: disposing it releases nothing it still needs.</summary>
    protected override void Dispose(bool disposing) => base.Dispose(disposing);

    private static JsonObject Discovery() => new()
    {
        ["issuer"] = Issuer.AbsoluteUri,
        ["authorization_endpoint"] = new Uri(Issuer, "connect/authorize").AbsoluteUri,
        ["token_endpoint"] = new Uri(Issuer, "connect/token").AbsoluteUri,
        ["userinfo_endpoint"] = new Uri(Issuer, "connect/userinfo").AbsoluteUri,
        ["jwks_uri"] = new Uri(Issuer, "connect/jwks").AbsoluteUri,
        ["end_session_endpoint"] = new Uri(Issuer, "connect/endsession").AbsoluteUri,
        ["response_types_supported"] = new JsonArray("code"),
        ["response_modes_supported"] = new JsonArray("query"),
        ["grant_types_supported"] = new JsonArray("authorization_code"),
        ["subject_types_supported"] = new JsonArray("pairwise"),
        ["id_token_signing_alg_values_supported"] = new JsonArray("RS256"),
        ["code_challenge_methods_supported"] = new JsonArray("S256"),
        ["token_endpoint_auth_methods_supported"] = new JsonArray("private_key_jwt"),
        ["scopes_supported"] = new JsonArray("openid", "verified_claims"),
        ["authorization_response_iss_parameter_supported"] = true,
    };

    private JsonObject Jwk()
    {
        var key = (X509SecurityKey)_signing.Key;
        var parameters = key.Certificate.GetRSAPublicKey()!.ExportParameters(false);
        return new JsonObject
        {
            ["kty"] = "RSA",
            ["use"] = "sig",
            ["kid"] = key.KeyId,
            ["n"] = Base64UrlEncoder.Encode(parameters.Modulus),
            ["e"] = Base64UrlEncoder.Encode(parameters.Exponent),
        };
    }

    private static HttpResponseMessage Json(JsonNode body) =>
        new(HttpStatusCode.OK) { Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json") };
}
