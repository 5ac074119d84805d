namespace Verify.Hub.Oidc.Provider;

/// <summary>The OpenID Provider's URL paths (ADR 0021); discovery publishes them under the hub's issuer URL.</summary>
public static class OidcProviderPaths
{
    /// <summary>OpenID Connect Discovery 1.0, section 4.</summary>
    public const string Discovery = "/.well-known/openid-configuration";

    /// <summary>The hub's public signing keys.</summary>
    public const string Jwks = "/connect/jwks";

    /// <summary>Authorization endpoint (code flow only).</summary>
    public const string Authorize = "/connect/authorize";

    /// <summary>Where the hub's own form brings the citizen back at the journey's end, to be answered by <see cref="Authorize"/>.</summary>
    public const string Resume = "/connect/authorize/resume";

    /// <summary>RFC 9126 pushed authorization requests.</summary>
    public const string PushedAuthorization = "/connect/par";

    /// <summary>Token endpoint.</summary>
    public const string Token = "/connect/token";

    /// <summary>UserInfo endpoint.</summary>
    public const string UserInfo = "/connect/userinfo";

    /// <summary>RP-initiated logout.</summary>
    public const string EndSession = "/connect/endsession";

    /// <summary>The query parameter carrying the hub's <see cref="Journey.ResumeHandle"/> back into the authorization endpoint.</summary>
    public const string ResumeParameter = "hub_resume";
}
