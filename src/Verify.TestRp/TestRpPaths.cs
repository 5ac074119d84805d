namespace Verify.TestRp;

/// <summary>The test RP's URL paths, relative to its public base URL.</summary>
public static class TestRpPaths
{
    /// <summary><c>GET</c>: the start page with the "Prove your identity" button.</summary>
    public const string Start = "/";

    /// <summary><c>POST</c> (form, antiforgery): sends the citizen to the hub with a signed AuthnRequest.</summary>
    public const string StartJourney = "/start";

    /// <summary><c>POST</c>: the assertion consumer service, where the hub posts its Response (HTTP-POST binding).</summary>
    public const string Acs = "/SAML2/ACS";

    /// <summary><c>GET</c>: the RP's SAML metadata, what the hub registers.</summary>
    public const string Metadata = "/SAML2/metadata";

    /// <summary><c>GET</c>: the OIDC registration's redirect URI, where the hub sends the authorization response (<c>Oidc/</c>).</summary>
    public const string OidcCallback = "/oidc/callback";

    /// <summary>Signing out after an OIDC sign-in (RP-Initiated Logout 1.0): POSTed from the verified identity's page.</summary>
    public const string OidcSignOut = "/oidc/sign-out";

    /// <summary>The post-logout redirect URI registered at the hub: where the hub sends the citizen after signing out.</summary>
    public const string OidcSignedOut = "/oidc/signed-out";

    /// <summary>The form field on the start page that chooses the binding of the AuthnRequest.</summary>
    public const string BindingField = "binding";

    /// <summary>The <see cref="BindingField"/> value for HTTP-POST (the default).</summary>
    public const string BindingPost = "post";

    /// <summary>The <see cref="BindingField"/> value for HTTP-Redirect.</summary>
    public const string BindingRedirect = "redirect";

    /// <summary>The form field (and <c>?service=</c> on the start page) that chooses the registration: a <see cref="TestRpService.Key"/>, or empty for the RP's own.</summary>
    public const string ServiceField = "service";
}
