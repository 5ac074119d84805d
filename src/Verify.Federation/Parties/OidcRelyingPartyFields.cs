using Verify.Hub.Journey.Assurance;

namespace Verify.Federation.Parties;

/// <summary>
/// What an OpenID Connect relying party registers (ADR 0021), one list for the checked registration
/// (<see cref="Registration.OidcRelyingPartyRegistration"/>) and the stored party (<see cref="OidcRelyingParty"/>):
/// a field added to one is added to both.
/// </summary>
public abstract class OidcRelyingPartyFields
{
    // Only this assembly's two types carry the list.
    private protected OidcRelyingPartyFields()
    {
    }

    /// <summary>The client ID (also the RP's ID in journeys).</summary>
    public required string ClientId { get; init; }

    /// <summary>The name citizens see.</summary>
    public required BilingualText DisplayName { get; init; }

    /// <summary>Whether the hub accepts its requests.</summary>
    public bool Enabled { get; init; }

    /// <summary>The levels of assurance it accepts.</summary>
    public required LevelOfAssuranceSet Levels { get; init; }

    /// <summary>The redirect URIs, compared exactly.</summary>
    public required IReadOnlyList<string> RedirectUris { get; init; }

    /// <summary>The post-logout redirect URIs.</summary>
    public required IReadOnlyList<string> PostLogoutRedirectUris { get; init; }

    /// <summary>Its public JWKS, or null when <see cref="JwksUri"/> is used.</summary>
    public string? Jwks { get; init; }

    /// <summary>Where it publishes its keys, or null when <see cref="Jwks"/> is registered.</summary>
    public string? JwksUri { get; init; }

    /// <summary>The scopes it may ask for, sorted; <c>openid</c> always among them.</summary>
    public required IReadOnlyList<string> Scopes { get; init; }

    /// <summary>The identity claims it may receive, sorted.</summary>
    public required IReadOnlyList<string> Claims { get; init; }

    /// <summary>The sector of its pairwise <c>sub</c>.</summary>
    public required string Sector { get; init; }

    /// <summary>The hash of its client secret, or null (<c>private_key_jwt</c> only).</summary>
    public string? ClientSecretHash { get; init; }

    /// <summary>
    /// The algorithm the hub signs its ID tokens with (OIDC Dynamic Client Registration 2
    /// <c>id_token_signed_response_alg</c>): <c>RS256</c> (the default), <c>PS256</c> or <c>ES256</c>.
    /// </summary>
    public required string IdTokenSignedResponseAlg { get; init; }

    /// <summary>The service's start page, or null.</summary>
    public string? ServiceHomepage { get; init; }

    /// <summary>"Other ways to access the service", or null.</summary>
    public BilingualText? OtherWaysToAccess { get; init; }
}
