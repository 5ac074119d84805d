using System.Text.Json;

using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;

using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;

using Verify.Hub.Journeys;
using Verify.Hub.Oidc.Provider.Tokens;

using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Verify.Hub.Oidc.Provider.Endpoints;

/// <summary>
/// UserInfo (OIDC Core 5.3): what the access token (encrypted, readable by the hub only) carries: <c>sub</c>,
/// <c>acr</c>, for a matching RP the match outcome and hashed PID (ADR 0026), and, when released, <c>verified_claims</c>. The hub keeps no profile to look up.
/// </summary>
internal static class UserInfoEndpoint
{
    public static async Task<IResult> HandleAsync(HttpContext http)
    {
        var result = await http.AuthenticateAsync(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme).ConfigureAwait(false);
        if (result.Principal is not { } principal || principal.GetClaim(Claims.Subject) is not { } subject)
        {
            return Results.Challenge(authenticationSchemes: [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
        }

        var answer = new Dictionary<string, object>(StringComparer.Ordinal)
        {
            [Claims.Subject] = subject,
        };
        if (principal.GetClaim(Claims.AuthenticationContextReference) is { } acr)
        {
            answer[Claims.AuthenticationContextReference] = acr;
        }

        foreach (var name in (string[])[RpMatchOutcome.OutcomeName, RpMatchOutcome.HashedPidName])
        {
            if (principal.GetClaim(name) is { } value)
            {
                answer[name] = value;
            }
        }

        if (principal.GetClaim(CitizenPrincipal.VerifiedClaimsType) is { } verified)
        {
            using var document = JsonDocument.Parse(verified);
            answer[CitizenPrincipal.VerifiedClaimsType] = document.RootElement.Clone();
        }

        return Results.Json(answer);
    }
}
