using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;

using Verify.Hub.Oidc.Provider.Journey;

namespace Verify.Hub.Oidc.Provider.Endpoints;

/// <summary>
/// The hub's answer form posts here at the journey's end (the same self-submitting form SAML RPs get): the handle
/// names the journey, whose request token URI the authorization endpoint needs. A 303 sends the browser there, with
/// the client ID and the handle, so OpenIddict reloads the validated request and the code goes out through it.
/// </summary>
internal static class ResumeEndpoint
{
    /// <summary>The form field carrying the handle.</summary>
    public const string HandleField = "handle";

    public static async Task<IResult> HandleAsync(HttpContext http, OidcProviderContext hub, CancellationToken cancellationToken)
    {
        if (!http.Request.HasFormContentType)
        {
            return Results.Redirect(HubPaths.NoSession);
        }

        var form = await http.Request.ReadFormAsync(cancellationToken).ConfigureAwait(false);
        var handle = form[HandleField].ToString();
        var journey = hub.Resume.Read(handle) is { } id ? await hub.Journeys.GetAsync(id, cancellationToken).ConfigureAwait(false) : null;
        if (journey is null)
        {
            return Results.Redirect(HubPaths.NoSession);
        }

        var target = QueryHelpers.AddQueryString(OidcProviderPaths.Authorize, new Dictionary<string, string?>
        {
            ["client_id"] = journey.Rp.RpId,
            ["request_uri"] = journey.Rp.RequestId,
            [OidcProviderPaths.ResumeParameter] = handle,
        });
        return Results.Redirect(target, permanent: false, preserveMethod: false);
    }
}
