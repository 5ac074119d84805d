using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Logging;

using OpenIddict.Client.AspNetCore;

using Verify.TestRp.Outcomes;

namespace Verify.TestRp.Oidc;

/// <summary>
/// <c>GET /oidc/callback</c>, the redirect URI: OpenIddict checks the authorization response (the state token, this
/// browser's request forgery cookie, RFC 9207 <c>iss</c>), redeems the code at the hub's token endpoint with a
/// <c>private_key_jwt</c> assertion and the PKCE verifier, validates the ID token and calls userinfo;
/// <see cref="OidcResultReader"/> of the registration the state token named then checks <c>sub</c>, <c>acr</c>,
/// <c>verified_claims</c> and the match claims (ADR 0026). The page shows the verified identity, the hub's error
/// (<c>access_denied</c>…), or a 400 naming why the response was refused. A proved identity is remembered for signing
/// out (<see cref="OidcSignIns"/>) when the registration names a post-logout redirect URI.
/// </summary>
[IgnoreAntiforgeryToken(Order = 1001)]
internal sealed class OidcCallbackModel(OidcRegistrations registrations, OidcSignIns signIns, ILogger<OidcCallbackModel> logger) : PageModel
{
    /// <summary>
    /// The hub's issuer when the page offers signing out (the sign-in was remembered): the sign-out form's submission is
    /// redirected to its end-session endpoint, which CSP form-action must allow.
    /// </summary>
    public Uri? SignOutTo { get; private set; }

    /// <summary>The verified identity, on success.</summary>
    public VerifiedIdentity? Identity { get; private set; }

    /// <summary>The hub's error response to our request, otherwise.</summary>
    public OidcHubError? HubError { get; private set; }

    /// <summary>Why the response was refused, otherwise.</summary>
    public OidcRefusal? Refusal { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        var result = await HttpContext.AuthenticateAsync(OpenIddictClientAspNetCoreDefaults.AuthenticationScheme);
        var registration = registrations.Answered(HttpContext);
        if (result.Succeeded && result.Principal is { } principal)
        {
            if (registration is not { } answered)
            {
                // Cannot happen once OpenIddict validated the response; refused rather than read with another's rules.
                return Refuse(new OidcRefusal("registration_unknown", "TestRp.registration_unknown", "The response names no registration of this service."));
            }

            try
            {
                Identity = answered.Reader.Read(principal);
                logger.IdentityProved(answered.Options.ClientId, Identity.LevelName);
                var remembered = answered.Options.SignOut
                    && result.Properties?.GetTokenValue(OpenIddictClientAspNetCoreConstants.Tokens.BackchannelIdentityToken) is { Length: > 0 } idToken
                    && signIns.Remember(HttpContext, answered.Options.Key, idToken);
                SignOutTo = remembered ? answered.Options.Issuer : null;
                return Page();
            }
            catch (OidcRefusedException refused)
            {
                return Refuse(refused.Refusal);
            }
        }

        var items = result.Properties?.Items;
        var error = OidcRefusal.Item(items, OpenIddictClientAspNetCoreConstants.Properties.Error) ?? "invalid_request";
        var description = OidcRefusal.Item(items, OpenIddictClientAspNetCoreConstants.Properties.ErrorDescription);
        if (HubErrorMarker.IsHubError(HttpContext))
        {
            // A valid answer, like a SAML failure status: not an error of the RP's (OpenIddict set 400 for it).
            HubError = new OidcHubError(error, description);
            logger.HubErrorReceived(registration?.Options.ClientId ?? "(unknown)", error);
            Response.StatusCode = StatusCodes.Status200OK;
            return Page();
        }

        // OpenIddict's own refusal (state, cookie, iss, code redemption, ID token, userinfo): its error and stable ID.
        return Refuse(OidcRefusal.FromOpenIddict(items, "The response could not be validated."));
    }

    private PageResult Refuse(OidcRefusal refusal)
    {
        logger.CallbackRefused(refusal.Code, refusal.Id);
        Refusal = refusal;
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }
}
