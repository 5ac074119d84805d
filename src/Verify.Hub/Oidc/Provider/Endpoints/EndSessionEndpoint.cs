using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;

using OpenIddict.Server.AspNetCore;

namespace Verify.Hub.Oidc.Provider.Endpoints;

/// <summary>
/// RP-initiated logout (OpenID Connect RP-Initiated Logout 1.0): the hub keeps no session after a journey, so there
/// is nothing to end; OpenIddict sends the browser to the registered post-logout redirect URI (exact match) or to
/// the hub's start page.
/// </summary>
internal static class EndSessionEndpoint
{
    public static IResult Handle() => Results.SignOut(
        new AuthenticationProperties { RedirectUri = HubPaths.Start },
        [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
}
