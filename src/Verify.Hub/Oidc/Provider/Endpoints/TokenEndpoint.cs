using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;

using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;

using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Verify.Hub.Oidc.Provider.Endpoints;

/// <summary>
/// The token endpoint after OpenIddict has authenticated the client (<c>private_key_jwt</c>, or a secret an operator
/// enabled), checked the code (this client's, unexpired, unredeemed: a second use revokes what the first issued),
/// the redirect URI and the PKCE verifier: the tokens carry what the code carried, nothing more.
/// </summary>
internal static class TokenEndpoint
{
    public static async Task<IResult> HandleAsync(HttpContext http)
    {
        var request = http.GetOpenIddictServerRequest() ?? throw new InvalidOperationException("Not an OpenID Connect request.");
        if (!request.IsAuthorizationCodeGrantType())
        {
            return OidcResults.Error(Errors.UnsupportedGrantType, "authorization_code_only");
        }

        var result = await http.AuthenticateAsync(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme).ConfigureAwait(false);
        return result.Principal is { } principal
            ? Results.SignIn(principal, properties: null, OpenIddictServerAspNetCoreDefaults.AuthenticationScheme)
            : OidcResults.Error(Errors.InvalidGrant, "code_not_valid");
    }
}
