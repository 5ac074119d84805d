using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;

using OpenIddict.Client.AspNetCore;

using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Verify.TestRp.Oidc;

/// <summary>
/// Sends the citizen to the hub's authorization endpoint through OpenIddict, for one registration (its key is the
/// OpenIddict registration ID, remembered in the state token): code flow, PKCE S256, a fresh <c>state</c>
/// (OpenIddict's state token) and <c>nonce</c>, the registration's scopes, and <c>acr_values</c> with the levels the
/// service needs (ADR 0021: one authn-context vocabulary for SAML and OIDC). OpenIddict uses PAR (RFC 9126) when the
/// hub's discovery document offers it.
/// </summary>
internal static class OidcChallenge
{
    public static ChallengeResult Create(TestRpOidcOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var properties = new AuthenticationProperties(new Dictionary<string, string?>
        {
            [OpenIddictClientAspNetCoreConstants.Properties.RegistrationId] = options.Key,
        })
        {
            // Where OpenIddict would send the citizen after the callback; the callback page answers itself.
            RedirectUri = TestRpPaths.Start,
        };
        properties.SetParameter(Parameters.AcrValues, string.Join(' ', options.RequestedLevels));
        return new ChallengeResult(OpenIddictClientAspNetCoreDefaults.AuthenticationScheme, properties);
    }
}
