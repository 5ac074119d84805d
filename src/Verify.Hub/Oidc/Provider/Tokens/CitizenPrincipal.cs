using System.Security.Claims;

using Microsoft.IdentityModel.JsonWebTokens;

using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;

using Verify.Hub.Directory;
using Verify.Hub.Identity;
using Verify.Hub.Journeys;
using Verify.Hub.Oidc.Provider.Clients;

using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Verify.Hub.Oidc.Provider.Tokens;

/// <summary>
/// The principal the hub signs in to the client at a successful journey's end: <c>sub</c> is the pairwise
/// identifier for the client's sector (ARCHITECTURE.md "Identifiers", OIDC Core 8.1), never the IDP's persistent ID;
/// <c>acr</c> is the level the IDP verified at, as its authn-context URI; <c>verified_claims</c> only when the client
/// asked for that scope and its registration allows identity claims; for a matching RP, the match outcome and the
/// hashed PID its matching service linked (ADR 0026), in the ID token and at userinfo.
/// </summary>
internal static class CitizenPrincipal
{
    /// <summary>The claim holding the verified identity.</summary>
    public const string VerifiedClaimsType = "verified_claims";

    /// <summary>The principal for <paramref name="citizen"/>, with destinations set.</summary>
    public static ClaimsPrincipal Create(VerifiedCitizen citizen, HubRelyingParty rp, OpenIddictRequest request, HubSecrets secrets, RpMatchOutcome? match = null)
    {
        ArgumentNullException.ThrowIfNull(citizen);
        ArgumentNullException.ThrowIfNull(rp);
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(secrets);
        var client = rp.Oidc ?? throw new ArgumentException("Not an OIDC client.", nameof(rp));
        var identity = new ClaimsIdentity(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme, Claims.Name, Claims.Role);
        var sub = secrets.PairwiseIdentifier(client.Sector ?? rp.EntityId, citizen.Idp.IdpId, citizen.Identity.PersistentId);
        identity.SetClaim(Claims.Subject, sub);
        identity.SetClaim(Claims.AuthenticationContextReference, citizen.Identity.Level.AuthnContext);
        if (request.HasScope(OidcClaimNames.IdentityScope) && citizen.Identity.MatchingDataset is { } dataset
            && VerifiedClaims.Build(VerifiedIdentity.FromJson(dataset), citizen.Identity.Level, client.Claims) is { } json)
        {
            identity.AddClaim(new Claim(VerifiedClaimsType, json, JsonClaimValueTypes.Json));
        }

        if (match is not null)
        {
            identity.SetClaim(RpMatchOutcome.OutcomeName, match.Outcome);
            identity.SetClaim(RpMatchOutcome.HashedPidName, match.HashedPid);
        }

        identity.SetScopes(request.GetScopes());
        identity.SetDestinations(claim => claim.Type switch
        {
            Claims.Subject => [Destinations.AccessToken, Destinations.IdentityToken],
            Claims.AuthenticationContextReference => [Destinations.AccessToken, Destinations.IdentityToken],

            // Identity claims: in the ID token and (through the encrypted access token) at userinfo.
            VerifiedClaimsType => [Destinations.AccessToken, Destinations.IdentityToken],
            RpMatchOutcome.OutcomeName or RpMatchOutcome.HashedPidName => [Destinations.AccessToken, Destinations.IdentityToken],
            _ => [],
        });
        return new ClaimsPrincipal(identity);
    }
}
