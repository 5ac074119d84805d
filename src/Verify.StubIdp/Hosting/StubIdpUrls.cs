using Verify.Web.Hosting;

namespace Verify.StubIdp.Hosting;

/// <summary>The stub's URLs for each white-labelled IDP, under the app's public base URL (what metadata publishes).</summary>
internal sealed class StubIdpUrls(WebAppEndpoint endpoint)
{
    /// <summary>The single sign-on endpoint (HTTP-POST and HTTP-Redirect): the AuthnRequest's required Destination.</summary>
    public string SingleSignOn(WhiteLabelIdp idp) => endpoint.Url($"{idp.Slug}/SAML2/SSO").AbsoluteUri;

    /// <summary>The IDP's metadata.</summary>
    public string Metadata(WhiteLabelIdp idp) => endpoint.Url($"{idp.Slug}/SAML2/metadata").AbsoluteUri;

    /// <summary>The login page for a sealed pending request (a path: the browser stays on this origin).</summary>
    public static string LoginPath(string slug, string sealedRequest) => $"/{slug}/login?pending={Uri.EscapeDataString(sealedRequest)}";

    /// <summary>The app's public base URL, ending in '/'.</summary>
    public Uri BaseUrl => endpoint.PublicBaseUrl;
}
