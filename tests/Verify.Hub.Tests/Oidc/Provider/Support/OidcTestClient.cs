using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

using Microsoft.AspNetCore.WebUtilities;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

using Verify.Hub.Directory;
using Verify.Hub.Journey.Assurance;
using Verify.Hub.Oidc.Provider.Clients;
using Verify.Hub.Tests.Support;
using Verify.Testing.Web;

namespace Verify.Hub.Tests.Oidc.Provider.Support;

/// <summary>
/// A relying party signing in through the hub with OpenID Connect, as a careful client does it: code flow, PKCE S256,
/// state and nonce, <c>private_key_jwt</c> with its own RSA key (registered as a JWKS in the test directory).
/// </summary>
internal sealed class OidcTestClient
{
    public const string RedirectUri = "https://rp.test/oidc/callback";

    public OidcTestClient(HubHarness hub, string clientId = TestDirectory.Rp, RsaSecurityKey? key = null)
    {
        Hub = hub;
        ClientId = clientId;
        Key = key ?? new RsaSecurityKey(RSA.Create(2048)) { KeyId = "rp-key-1" };
        Verifier = Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(32));
    }

    public HubHarness Hub { get; }

    public string ClientId { get; }

    public RsaSecurityKey Key { get; }

    public string Verifier { get; set; }

    public string State { get; } = "state-" + Guid.NewGuid().ToString("N");

    public string Nonce { get; } = "nonce-" + Guid.NewGuid().ToString("N");

    public string Issuer => Hub.BaseUrl.AbsoluteUri;

    public string TokenEndpoint => new Uri(Hub.BaseUrl, "/connect/token").AbsoluteUri;

    /// <summary>The public JWKS of <see cref="Key"/>.</summary>
    public string Jwks()
    {
        var jwk = JsonWebKeyConverter.ConvertFromRSASecurityKey(new RsaSecurityKey(Key.Rsa.ExportParameters(false)) { KeyId = Key.KeyId });
        jwk.Use = "sig";
        jwk.Alg = SecurityAlgorithms.RsaSha256;
        return JsonSerializer.Serialize(new { keys = new[] { new { kty = jwk.Kty, kid = jwk.Kid, use = jwk.Use, alg = jwk.Alg, n = jwk.N, e = jwk.E } } });
    }

    /// <summary>Registers this client on the test directory's RP (LEVEL_2), replacing its SAML-only registration.</summary>
    public void Register(Func<HubOidcClient, HubOidcClient>? change = null, LevelOfAssuranceSet? levels = null)
    {
        var client = new HubOidcClient
        {
            RedirectUris = [RedirectUri],
            JsonWebKeySet = Jwks(),
            Scopes = new HashSet<string>(StringComparer.Ordinal) { "openid", OidcClaimNames.IdentityScope },
            Claims = new HashSet<string>(StringComparer.Ordinal) { OidcClaimNames.GivenName, OidcClaimNames.FamilyName, OidcClaimNames.Birthdate, OidcClaimNames.Address },
        };
        var rp = Hub.Directory.RelyingParty with
        {
            EntityId = ClientId,
            Oidc = change is null ? client : change(client),
            Levels = levels ?? Hub.Directory.RelyingParty.Levels,
        };
        if (ClientId == TestDirectory.Rp)
        {
            Hub.Directory.RelyingParty = rp;
        }
        else
        {
            Hub.Directory.OtherRelyingParties[ClientId] = rp;
        }
    }

    public string Challenge => Base64UrlEncoder.Encode(SHA256.HashData(Encoding.ASCII.GetBytes(Verifier)));

    /// <summary>The authorization request's parameters, with <paramref name="change"/> applied (null removes one).</summary>
    public Dictionary<string, string?> AuthorizeParameters(params (string Name, string? Value)[] change)
    {
        var parameters = new Dictionary<string, string?>
        {
            ["client_id"] = ClientId,
            ["response_type"] = "code",
            ["redirect_uri"] = RedirectUri,
            ["scope"] = "openid " + OidcClaimNames.IdentityScope,
            ["state"] = State,
            ["nonce"] = Nonce,
            ["code_challenge"] = Challenge,
            ["code_challenge_method"] = "S256",
        };
        foreach (var (name, value) in change)
        {
            parameters[name] = value;
        }

        return parameters.Where(p => p.Value is not null).ToDictionary();
    }

    /// <summary>GET /connect/authorize and the redirects the hub itself answers, until the start page or a redirect off the hub.</summary>
    public async Task<HttpResponseMessage> AuthorizeAsync(params (string Name, string? Value)[] change)
    {
        var response = await Hub.Client.GetAsync(QueryHelpers.AddQueryString("/connect/authorize", AuthorizeParameters(change))).ConfigureAwait(false);
        return await FollowOnHubAsync(response).ConfigureAwait(false);
    }

    /// <summary>Follows redirects while they stay on the hub (a redirect to the RP is returned, not followed).</summary>
    public async Task<HttpResponseMessage> FollowOnHubAsync(HttpResponseMessage response)
    {
        for (var hops = 0; hops < 10 && response.StatusCode is HttpStatusCode.Found or HttpStatusCode.SeeOther or HttpStatusCode.Redirect; hops++)
        {
            var location = response.Headers.Location!;
            if (location.IsAbsoluteUri && location.Host != Hub.BaseUrl.Host)
            {
                return response;
            }

            response = await Hub.Client.GetAsync(location).ConfigureAwait(false);
        }

        return response;
    }

    /// <summary>The query of the redirect to the RP's redirect URI.</summary>
    public static Dictionary<string, string> Callback(HttpResponseMessage response)
    {
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Found), "expected a redirect to the RP");
        var location = response.Headers.Location!;
        Assert.That(location.GetLeftPart(UriPartial.Path), Is.EqualTo(RedirectUri));
        return QueryHelpers.ParseQuery(location.Query).ToDictionary(q => q.Key, q => q.Value.ToString());
    }

    /// <summary>A client assertion (RFC 7523 3) signed with <paramref name="key"/> (this client's by default).</summary>
    public string Assertion(
        SecurityKey? key = null, string? algorithm = null, string? audience = null, string? jti = null, TimeSpan? lifetime = null, string? issuer = null)
    {
        var now = Hub.Time.GetUtcNow().UtcDateTime;
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer ?? ClientId,
            // draft-ietf-oauth-rfc7523bis: the issuer as the audience, and an explicit type.
            Audience = audience ?? Issuer,
            TokenType = "client-authentication+jwt",
            Claims = new Dictionary<string, object> { ["sub"] = issuer ?? ClientId, ["jti"] = jti ?? Guid.NewGuid().ToString("N") },
            IssuedAt = now + (lifetime is { } l && l < TimeSpan.Zero ? l - TimeSpan.FromMinutes(1) : TimeSpan.Zero),
            NotBefore = now + (lifetime is { } l2 && l2 < TimeSpan.Zero ? l2 - TimeSpan.FromMinutes(1) : TimeSpan.Zero),
            Expires = now + (lifetime ?? TimeSpan.FromMinutes(2)),
            SigningCredentials = new SigningCredentials(key ?? Key, algorithm ?? SecurityAlgorithms.RsaSha256),
        });
    }

    /// <summary>POST /connect/token for <paramref name="code"/>, with <paramref name="change"/> applied to the form (null removes).</summary>
    public Task<HttpResponseMessage> RedeemAsync(string code, params (string Name, string? Value)[] change)
    {
        var form = new Dictionary<string, string?>
        {
            ["grant_type"] = "authorization_code",
            ["code"] = code,
            ["redirect_uri"] = RedirectUri,
            ["code_verifier"] = Verifier,
            ["client_id"] = ClientId,
            ["client_assertion_type"] = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer",
            ["client_assertion"] = Assertion(),
        };
        foreach (var (name, value) in change)
        {
            form[name] = value;
        }

        return Hub.Client.PostFormAsync(TokenEndpoint, form.Where(f => f.Value is not null).Select(f => KeyValuePair.Create(f.Key, f.Value!)));
    }

    /// <summary>The JSON error of an OAuth error response.</summary>
    public static async Task<string?> ErrorOf(HttpResponseMessage response)
    {
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync().ConfigureAwait(false));
        return json.RootElement.TryGetProperty("error", out var error) ? error.GetString() : null;
    }
}
