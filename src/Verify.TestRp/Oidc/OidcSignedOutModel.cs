using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Logging;

using OpenIddict.Client.AspNetCore;

namespace Verify.TestRp.Oidc;

/// <summary>
/// <c>GET /oidc/signed-out</c>, the post-logout redirect URI: OpenIddict checks the <c>state</c> (its state token, sent
/// with the sign-out and redeemed once) and this browser's request forgery cookie; the page then says the citizen has
/// signed out, or, with a 400, that the redirect was refused (a forged, replayed or expired state).
/// </summary>
[IgnoreAntiforgeryToken(Order = 1001)]
internal sealed class OidcSignedOutModel(OidcRegistrations registrations, ILogger<OidcSignedOutModel> logger) : PageModel
{
    /// <summary>Why the redirect was refused, when it was.</summary>
    public OidcRefusal? Refusal { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        var result = await HttpContext.AuthenticateAsync(OpenIddictClientAspNetCoreDefaults.AuthenticationScheme);
        if (result.Succeeded)
        {
            var key = OidcRefusal.Item(result.Properties?.Items, OpenIddictClientAspNetCoreConstants.Properties.RegistrationId);
            logger.SignedOut(registrations.Find(key)?.ClientId ?? "(unknown)");
            return Page();
        }

        Refusal = OidcRefusal.FromOpenIddict(result.Properties?.Items, "The sign-out could not be confirmed.");
        logger.SignedOutRefused(Refusal.Code);
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }
}
