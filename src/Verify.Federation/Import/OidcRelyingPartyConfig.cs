namespace Verify.Federation.Import;

/// <summary>One entry of <c>oidcRelyingParties</c> in <c>federation.json</c> (ADR 0021).</summary>
internal sealed class OidcRelyingPartyConfig
{
    /// <summary>The client ID (also the RP's ID in journeys).</summary>
    public string? ClientId { get; set; }

    public LocalizedTextConfig? DisplayName { get; set; }

    public bool Enabled { get; set; } = true;

    public List<string>? Levels { get; set; }

    public List<string>? RedirectUris { get; set; }

    public List<string>? PostLogoutRedirectUris { get; set; }

    /// <summary>The client's public JWKS file, relative to the config folder; or give <see cref="JwksUri"/>.</summary>
    public string? Jwks { get; set; }

    /// <summary>Where the client publishes its keys (https); or give <see cref="Jwks"/>.</summary>
    public string? JwksUri { get; set; }

    /// <summary>Absent for <c>openid</c> and <c>verified_claims</c>.</summary>
    public List<string>? Scopes { get; set; }

    public List<string>? Claims { get; set; }

    /// <summary>Absent for the client ID.</summary>
    public string? Sector { get; set; }

    /// <summary>A PBKDF2 hash made by <c>verify rp add --oidc --client-secret-file</c>, never the secret itself.</summary>
    public string? ClientSecretHash { get; set; }

    /// <summary><c>id_token_signed_response_alg</c>: RS256 (when absent), PS256 or ES256.</summary>
    public string? IdTokenSignedResponseAlg { get; set; }

    public string? ServiceHomepage { get; set; }

    public LocalizedTextConfig? OtherWaysToAccess { get; set; }

    /// <summary>The RP's matching service (ADR 0026): its metadata file, account-creation URL and trust.</summary>
    public MatchingServiceConfig? MatchingService { get; set; }

    public string? Cycle3Attribute { get; set; }

    public List<string>? AccountCreationAttributes { get; set; }
}
