using System.Collections.Immutable;

using Microsoft.IdentityModel.Tokens;

namespace Verify.Hub.Oidc.Provider.Clients;

/// <summary>
/// A registered OIDC client as OpenIddict's application manager sees it, built from the directory on every lookup
/// (<see cref="DirectoryApplicationStore"/>): read-only, never stored by OpenIddict.
/// </summary>
public sealed class OidcApplication
{
    /// <summary>The client ID (the RP's ID in the directory); also its OpenIddict identifier.</summary>
    public required string ClientId { get; init; }

    /// <summary>The name citizens see.</summary>
    public required string DisplayName { get; init; }

    /// <summary>The registered redirect URIs.</summary>
    public required ImmutableArray<string> RedirectUris { get; init; }

    /// <summary>The registered post-logout redirect URIs.</summary>
    public required ImmutableArray<string> PostLogoutRedirectUris { get; init; }

    /// <summary>Its public keys for <c>private_key_jwt</c>, or null.</summary>
    public JsonWebKeySet? JsonWebKeySet { get; init; }

    /// <summary>The hashed secret, when <c>client_secret_basic</c> is enabled for it.</summary>
    public string? ClientSecretHash { get; init; }

    /// <summary>OpenIddict permissions: endpoints, the code grant and response type, the registered scopes.</summary>
    public required ImmutableArray<string> Permissions { get; init; }

    /// <summary>OpenIddict requirements: PKCE.</summary>
    public required ImmutableArray<string> Requirements { get; init; }
}
