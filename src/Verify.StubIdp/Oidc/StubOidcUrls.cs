using Verify.Web.Hosting;

namespace Verify.StubIdp.Oidc;

/// <summary>
/// The OpenID Provider URLs of each white-labelled IDP: the issuer is <c>{base}/{slug}/oidc</c> and every endpoint
/// sits under it, so the discovery document is at <c>{issuer}/.well-known/openid-configuration</c> (OIDC Discovery 4).
/// The base is the stub's own public URL unless <see cref="StubOidcOptions.PublicBaseUrl"/> names another host for it.
/// </summary>
internal sealed class StubOidcUrls(WebAppEndpoint endpoint, StubIdpOptions options)
{
    private readonly Uri _base = options.Oidc?.PublicBaseUrl ?? endpoint.PublicBaseUrl;

    /// <summary>The path segment under each IDP's slug.</summary>
    public const string Segment = "oidc";

    /// <summary>The issuer identifier (no trailing slash: it is compared as a string, OIDC Discovery 3).</summary>
    public string Issuer(string slug) => new Uri(_base, $"{slug}/{Segment}").AbsoluteUri;

    /// <summary>The discovery document.</summary>
    public string Discovery(string slug) => Issuer(slug) + "/.well-known/openid-configuration";

    /// <summary>The authorization endpoint.</summary>
    public string Authorization(string slug) => Issuer(slug) + "/authorize";

    /// <summary>The token endpoint.</summary>
    public string Token(string slug) => Issuer(slug) + "/token";

    /// <summary>The userinfo endpoint.</summary>
    public string UserInfo(string slug) => Issuer(slug) + "/userinfo";

    /// <summary>The JSON Web Key Set (the ID tokens' signing key).</summary>
    public string Jwks(string slug) => Issuer(slug) + "/jwks";

    /// <summary>The login page for a sealed pending authorization request (a path: the browser stays on this origin).</summary>
    public static string LoginPath(string slug, string sealedRequest) =>
        $"/{slug}/{Segment}/login?pending={Uri.EscapeDataString(sealedRequest)}";
}
