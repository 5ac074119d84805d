using Verify.Federation.Parties;

namespace Verify.Federation.Registration;

/// <summary>
/// A relying party that signs in with OpenID Connect (ADR 0021): everything about it comes from the operator, as it has
/// no SAML metadata. Checked by <see cref="OidcRelyingPartyRegistration.Create"/>.
/// </summary>
public sealed record OidcRelyingPartySettings
{
    /// <summary>The client ID; also the RP's ID in journeys and audit, so it must not be any other party's ID.</summary>
    public required string ClientId { get; init; }

    /// <summary>The name citizens see; required.</summary>
    public required BilingualText DisplayName { get; init; }

    /// <summary>The levels of assurance the RP accepts, by name; at least one.</summary>
    public required IReadOnlyList<string> Levels { get; init; }

    /// <summary>The redirect URIs, compared exactly: absolute https (http only on a loopback host, RFC 8252 7.3).</summary>
    public required IReadOnlyList<string> RedirectUris { get; init; }

    /// <summary>The client's public keys for <c>private_key_jwt</c> as a JSON Web Key Set; or give <see cref="JwksUri"/>.</summary>
    public string? Jwks { get; init; }

    /// <summary>Where the client publishes its public keys (https); or give <see cref="Jwks"/>.</summary>
    public string? JwksUri { get; init; }

    /// <summary>The scopes it may ask for; null for <c>openid</c> and <c>verified_claims</c>.</summary>
    public IReadOnlyList<string>? Scopes { get; init; }

    /// <summary>The identity claims it may receive in <c>verified_claims</c> (<c>given_name</c>, <c>family_name</c>…); empty for none.</summary>
    public IReadOnlyList<string> Claims { get; init; } = [];

    /// <summary>The sector of its pairwise <c>sub</c> (OIDC Core 8.1); null for the client ID.</summary>
    public string? Sector { get; init; }

    /// <summary>
    /// The hash of a client secret (<see cref="ClientSecretHasher"/>), only when <c>client_secret_basic</c> is to be
    /// allowed for this client; null for <c>private_key_jwt</c> only.
    /// </summary>
    public string? ClientSecretHash { get; init; }

    /// <summary>The post-logout redirect URIs, compared exactly; empty for none.</summary>
    public IReadOnlyList<string> PostLogoutRedirectUris { get; init; } = [];

    /// <summary>
    /// The algorithm its ID tokens are signed with (<c>id_token_signed_response_alg</c>, OIDC Dynamic Client
    /// Registration 2): <c>RS256</c>, <c>PS256</c> or <c>ES256</c>; null for <c>RS256</c>.
    /// </summary>
    public string? IdTokenSignedResponseAlg { get; init; }

    /// <summary>Whether the hub accepts its requests.</summary>
    public bool Enabled { get; init; } = true;

    /// <summary>The service's start page (absolute https URL); optional.</summary>
    public string? ServiceHomepage { get; init; }

    /// <summary>"Other ways to access the service", shown when a citizen cannot verify; optional.</summary>
    public BilingualText? OtherWaysToAccess { get; init; }

    /// <summary>
    /// The RP's matching service (metadata, account-creation URL, trust): the hub matches for the RP when given, and
    /// asserts the outcome in its tokens (ADR 0026; there is no end-to-end mode for an OpenID Connect RP).
    /// </summary>
    public MatchingServiceSettings? MatchingService { get; init; }

    /// <summary>The cycle 3 attribute asked for after a no-match (Verify's names); null for none. Needs <see cref="MatchingService"/>.</summary>
    public string? Cycle3Attribute { get; init; }

    /// <summary>The attributes returned when the matching service creates an account; empty for none. Needs <see cref="MatchingService"/>.</summary>
    public IReadOnlyList<string>? AccountCreationAttributes { get; init; }
}
