using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Logging;

using OpenIddict.Client.AspNetCore;

namespace Verify.TestRp.Oidc;

/// <summary>
/// <c>POST /oidc/sign-out</c> (RP-Initiated Logout 1.0), from the verified identity's page with its antiforgery token:
/// the sign-in this browser's cookie names is taken (<see cref="OidcSignIns"/>) and OpenIddict sends the citizen to the
/// hub's <c>end_session_endpoint</c> with the ID token as <c>id_token_hint</c>, the registered post-logout redirect URI
/// and a fresh <c>state</c>. With no sign-in remembered (already signed out, another browser, expired) nothing is sent:
/// the page says so.
/// </summary>
internal sealed class OidcSignOutModel(OidcSignIns signIns, OidcRegistrations registrations, ILogger<OidcSignOutModel> logger) : PageModel
{
    public IActionResult OnPost()
    {
        if (signIns.Take(HttpContext) is not { } signIn || registrations.Find(signIn.RegistrationKey) is not { SignOut: true } registration)
        {
            logger.NothingToSignOut();
            return Page();
        }

        logger.SigningOut(registration.ClientId);
        var properties = new AuthenticationProperties(new Dictionary<string, string?>
        {
            [OpenIddictClientAspNetCoreConstants.Properties.RegistrationId] = registration.Key,
            [OpenIddictClientAspNetCoreConstants.Properties.IdentityTokenHint] = signIn.IdToken,
        })
        {
            // Where OpenIddict would send the citizen after the post-logout redirect; that page answers itself.
            RedirectUri = TestRpPaths.Start,
        };
        return SignOut(properties, OpenIddictClientAspNetCoreDefaults.AuthenticationScheme);
    }
}
