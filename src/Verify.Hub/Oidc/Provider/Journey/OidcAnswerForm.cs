using Verify.Hub.Journey;
using Verify.Web.Saml;

namespace Verify.Hub.Oidc.Provider.Journey;

/// <summary>
/// The answer to an OIDC RP at the journey's end, as the pages show every answer: a self-submitting form (with a
/// button that works without JavaScript), here to the hub's own resume endpoint with a handle on the journey. The
/// journey is not finished here: the authorization endpoint finishes it (compare-and-swap) when it issues the code
/// or the error, so the answer goes out through OpenIddict with <c>state</c> and <c>iss</c> (ADR 0021).
/// </summary>
internal sealed class OidcAnswerForm(HubEndpoints endpoints, ResumeHandle resume)
{
    private readonly Uri _resume = new(endpoints.SingleSignOn, OidcProviderPaths.Resume);

    /// <summary>
    /// The form that brings the citizen back to the authorization endpoint for <paramref name="journey"/>, which
    /// redirects on to one of the client's <paramref name="redirectUris"/> (allowed as form actions on the page).
    /// </summary>
    public SamlPostForm For(JourneyRecord journey, IEnumerable<string> redirectUris) =>
        new(_resume, Endpoints.ResumeEndpoint.HandleField, resume.Create(journey.Id), null, "Returning you to the service")
        {
            RedirectsTo = [.. redirectUris.Select(uri => new Uri(uri, UriKind.Absolute))],
        };
}
