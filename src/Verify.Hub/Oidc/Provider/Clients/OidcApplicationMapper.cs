using System.Collections.Immutable;

using Microsoft.IdentityModel.Tokens;

using Verify.Hub.Directory;

using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Verify.Hub.Oidc.Provider.Clients;

/// <summary>Maps a relying party's OIDC registration to what OpenIddict checks requests against.</summary>
internal static class OidcApplicationMapper
{
    /// <summary>The application for <paramref name="rp"/>, or null when it is not registered as an OIDC client.</summary>
    public static OidcApplication? Map(HubRelyingParty? rp, JsonWebKeySet? fetchedKeys = null)
    {
        if (rp?.Oidc is not { } client)
        {
            return null;
        }

        var permissions = ImmutableArray.CreateBuilder<string>();

        // Authorization code flow only (ADR 0021): no implicit or hybrid response type, no other grant, ever.
        permissions.AddRange(
            Permissions.Endpoints.Authorization,
            Permissions.Endpoints.Token,
            Permissions.Endpoints.EndSession,
            Permissions.Endpoints.PushedAuthorization,
            Permissions.GrantTypes.AuthorizationCode,
            Permissions.ResponseTypes.Code);
        foreach (var scope in client.Scopes.Where(s => s != Scopes.OpenId).Order(StringComparer.Ordinal))
        {
            permissions.Add(Permissions.Prefixes.Scope + scope);
        }

        return new OidcApplication
        {
            ClientId = rp.EntityId,
            DisplayName = rp.DisplayName,
            RedirectUris = [.. client.RedirectUris],
            PostLogoutRedirectUris = [.. client.PostLogoutRedirectUris],
            JsonWebKeySet = fetchedKeys ?? (client.JsonWebKeySet is { } jwks ? new JsonWebKeySet(jwks) : null),
            ClientSecretHash = client.ClientSecretHash,
            Permissions = permissions.ToImmutable(),

            // RFC 9700 2.1.1 / issue 7: PKCE is required of every client.
            Requirements = [Requirements.Features.ProofKeyForCodeExchange],
        };
    }
}
