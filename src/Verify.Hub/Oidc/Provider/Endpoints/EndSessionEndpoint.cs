using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;

using OpenIddict.Server.AspNetCore;

using Verify.Hub.Telemetry;

using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Verify.Hub.Oidc.Provider.Endpoints;

/// <summary>
/// RP-initiated logout (OpenID Connect RP-Initiated Logout 1.0): the hub keeps no session after a journey, so there
/// is nothing to end; OpenIddict sends the browser to the registered post-logout redirect URI (exact match) or to
/// the hub's start page. An <c>id_token_hint</c> must be an ID token the hub issued (section 2: "the OP MUST validate
/// that it was the issuer"): OpenIddict ignores one it cannot validate, so the hub refuses it here, without a redirect.
/// </summary>
internal static class EndSessionEndpoint
{
    /// <summary>The refusal of a hint the hub did not issue (or that was altered).</summary>
    public const string HintNotValid = "id_token_hint_not_valid";

    public static async Task<IResult> HandleAsync(HttpContext http, HubMetrics metrics)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(metrics);
        if (http.GetOpenIddictServerRequest()?.IdTokenHint is { Length: > 0 })
        {
            // At this endpoint the server scheme authenticates the hint: the token's principal only when the hub signed
            // it, else an empty one (OpenIddict validates the hint but does not reject the request for it).
            var hint = await http.AuthenticateAsync(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme).ConfigureAwait(false);
            if (hint.Principal?.FindFirst(Claims.Subject) is null)
            {
                metrics.Refused("oidc-endsession", HintNotValid);
                // OpenIddict allows no challenge here; the same plain 400 it gives its own end-session refusals.
                return Results.Text($"error:{Errors.InvalidRequest}\nerror_description:{HintNotValid}\n", "text/plain", statusCode: StatusCodes.Status400BadRequest);
            }
        }

        return Results.SignOut(new AuthenticationProperties { RedirectUri = HubPaths.Start }, [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
    }
}
