using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;

using OpenIddict.Server.AspNetCore;

namespace Verify.Hub.Oidc.Provider.Endpoints;

/// <summary>Answers through OpenIddict, so the response carries <c>state</c> and <c>iss</c> (RFC 9207) to the registered redirect URI.</summary>
internal static class OidcResults
{
    /// <summary>An OAuth error for the client (RFC 6749 4.1.2.1), with a stable description and no personal data.</summary>
    public static IResult Error(string error, string description) => Results.Forbid(
        new AuthenticationProperties(new Dictionary<string, string?>
        {
            [OpenIddictServerAspNetCoreConstants.Properties.Error] = error,
            [OpenIddictServerAspNetCoreConstants.Properties.ErrorDescription] = description,
        }),
        [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
}
