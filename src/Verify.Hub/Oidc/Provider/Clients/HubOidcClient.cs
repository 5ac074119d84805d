using Verify.Hub.Oidc.Provider.Keys;

namespace Verify.Hub.Oidc.Provider.Clients;

/// <summary>
/// A relying party's registration as an OpenID Connect client (ADR 0021): its client ID is the RP's ID in the
/// directory. Everything the hub checks a request against comes from here, never from the request.
/// </summary>
public sealed record HubOidcClient
{
    /// <summary>Most redirect URIs a client may register.</summary>
    public const int MaxRedirectUris = 10;

    /// <summary>The redirect URIs, compared exactly (OAuth 2.0 Security BCP 4.1.3: no pattern, no prefix).</summary>
    public required IReadOnlyList<string> RedirectUris { get; init; }

    /// <summary>The client's registered JSON Web Key Set (public keys for <c>private_key_jwt</c>), or null.</summary>
    public string? JsonWebKeySet { get; init; }

    /// <summary>Where the client publishes its JWKS instead, or null (fetched with a guard against internal addresses).</summary>
    public Uri? JwksUri { get; init; }

    /// <summary>The scopes the client may ask for; <c>openid</c> is always allowed.</summary>
    public IReadOnlySet<string> Scopes { get; init; } = new HashSet<string>(StringComparer.Ordinal);

    /// <summary>The identity claims (<c>given_name</c>, <c>family_name</c>, <c>birthdate</c>, <c>address</c>…) it may receive in <c>verified_claims</c>.</summary>
    public IReadOnlySet<string> Claims { get; init; } = new HashSet<string>(StringComparer.Ordinal);

    /// <summary>The sector of its pairwise <c>sub</c> (OIDC Core 8.1); the client ID when null.</summary>
    public string? Sector { get; init; }

    /// <summary>
    /// The hashed client secret (OpenIddict's format), only when an operator enabled <c>client_secret_basic</c> for
    /// this client; null otherwise, and the client must authenticate with <c>private_key_jwt</c>.
    /// </summary>
    public string? ClientSecretHash { get; init; }

    /// <summary>The post-logout redirect URIs, compared exactly.</summary>
    public IReadOnlyList<string> PostLogoutRedirectUris { get; init; } = [];

    /// <summary>
    /// The algorithm its ID tokens are signed with (OIDC Dynamic Client Registration 2
    /// <c>id_token_signed_response_alg</c>): <c>RS256</c> (the default), <c>PS256</c> or <c>ES256</c> (<see cref="IdTokenSigning"/>).
    /// </summary>
    public string IdTokenSignedResponseAlg { get; init; } = IdTokenSigning.Rs256;
}
