using System.Text.Json;

using OpenIddict.Abstractions;

using Verify.Hub.Directory;
using Verify.Hub.Journey.Assurance;
using Verify.Hub.Journeys;
using Verify.Hub.Oidc.Provider.Clients;
using Verify.Hub.Oidc.Provider.Keys;

using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Verify.Hub.Oidc.Provider.Journey;

/// <summary>
/// The hub's rules for an authorization request OpenIddict has already checked (client, exact redirect URI, code
/// flow, PKCE S256, scopes the client is permitted): the levels asked for and the claims asked for must be within the
/// client's registration. Fails closed: a request is refused until every rule has passed.
/// </summary>
internal static class AuthorizationRules
{
    /// <summary>Longest <c>claims</c> parameter read (OIDC Core 5.5).</summary>
    public const int MaxClaimsParameterLength = 4096;

    /// <summary>Longest <c>state</c> kept (the journey keeps an RP's state as it keeps a RelayState, <see cref="Verify.Hub.Journey.Model.RpRequest.MaxRelayStateLength"/>).</summary>
    public const int MaxStateLength = Verify.Hub.Journey.Model.RpRequest.MaxRelayStateLength;

    /// <summary>The refusal of a client whose registered ID token algorithm has no key.</summary>
    public const string IdTokenAlgUnavailable = "id_token_alg_unavailable";

    /// <summary>The levels the journey may grant, or the OAuth error that refuses the request.</summary>
    public static AuthorizationCheck Check(OpenIddictRequest request, HubRelyingParty rp, HubSigningKeys keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(rp);
        var client = rp.Oidc ?? throw new ArgumentException("Not an OIDC client.", nameof(rp));

        // No journey for a client whose ID tokens the hub cannot sign as registered (ES256 without the EC key): the
        // citizen would prove their identity for nothing. Never signed with another algorithm instead.
        if (keys.For(client.IdTokenSignedResponseAlg) is null)
        {
            return AuthorizationCheck.Refuse(Errors.UnauthorizedClient, IdTokenAlgUnavailable);
        }

        if (request.State is { Length: > MaxStateLength })
        {
            return AuthorizationCheck.Refuse(Errors.InvalidRequest, "state_too_long");
        }

        // OIDC Core 3.1.2.1: acr_values are the authn-context URIs (ARCHITECTURE.md, one vocabulary for both
        // protocols); each must be a level this client is registered for. None asked: every registered level.
        var levels = rp.Levels;
        var acrValues = request.AcrValues?.Split(' ', StringSplitOptions.RemoveEmptyEntries) ?? [];
        if (acrValues.Length > 0)
        {
            var asked = new List<LevelOfAssurance>();
            foreach (var acr in acrValues)
            {
                if (!LevelOfAssurance.TryFromAuthnContext(acr, out var level) || !rp.Levels.Contains(level))
                {
                    return AuthorizationCheck.Refuse(Errors.InvalidRequest, "acr_not_allowed");
                }

                asked.Add(level);
            }

            levels = new LevelOfAssuranceSet(asked);
        }

        // OIDC Core 5.5: claims asked for by name must be ones the client may receive.
        if (request.GetParameter(Parameters.Claims)?.ToString() is { Length: > 0 } claims && !ClaimsAllowed(claims, client, matching: rp.Matching is not null))
        {
            return AuthorizationCheck.Refuse(Errors.InvalidRequest, "claims_not_allowed");
        }

        // openid is required: this is an OpenID Provider, not a plain OAuth server.
        if (!request.HasScope(Scopes.OpenId))
        {
            return AuthorizationCheck.Refuse(Errors.InvalidScope, "openid_scope_required");
        }

        return AuthorizationCheck.Allow(levels);
    }

    private static bool ClaimsAllowed(string text, HubOidcClient client, bool matching)
    {
        if (text.Length > MaxClaimsParameterLength)
        {
            return false;
        }

        try
        {
            using var document = JsonDocument.Parse(text);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return false;
            }

            foreach (var target in document.RootElement.EnumerateObject())
            {
                if (target.Value.ValueKind != JsonValueKind.Object)
                {
                    return false;
                }

                foreach (var claim in target.Value.EnumerateObject())
                {
                    var allowed = claim.Name is Claims.Subject or "acr"
                        || (claim.Name == OidcClaimNames.IdentityScope && client.Claims.Count > 0)
                        || client.Claims.Contains(claim.Name)
                        || (matching && claim.Name is RpMatchOutcome.OutcomeName or RpMatchOutcome.HashedPidName);
                    if (!allowed)
                    {
                        return false;
                    }
                }
            }

            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
