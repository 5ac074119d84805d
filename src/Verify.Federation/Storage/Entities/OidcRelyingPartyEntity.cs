namespace Verify.Federation.Storage.Entities;

/// <summary>A relying party registered as an OpenID Connect client, as stored (ADR 0021): it has no SAML metadata.</summary>
internal sealed class OidcRelyingPartyEntity
{
    public long Id { get; set; }

    /// <summary>The client ID: the RP's ID in journeys, unique across RPs, IDPs and OIDC issuers.</summary>
    public required string ClientId { get; set; }

    public required string DisplayNameEn { get; set; }

    public string? DisplayNameCy { get; set; }

    public bool Enabled { get; set; }

    /// <summary>Level names, lowest rank first, comma-separated: <c>LEVEL_1,LEVEL_2</c>.</summary>
    public required string Levels { get; set; }

    /// <summary>The redirect URIs, newline-separated, in registration order.</summary>
    public required string RedirectUris { get; set; }

    /// <summary>The post-logout redirect URIs, newline-separated; empty for none.</summary>
    public required string PostLogoutRedirectUris { get; set; }

    /// <summary>The client's public JSON Web Key Set, or null when <see cref="JwksUri"/> is used.</summary>
    public string? Jwks { get; set; }

    /// <summary>Where the client publishes its keys (https), or null when <see cref="Jwks"/> is registered.</summary>
    public string? JwksUri { get; set; }

    /// <summary>The scopes it may ask for, newline-separated and sorted.</summary>
    public required string Scopes { get; set; }

    /// <summary>The identity claims it may receive, newline-separated and sorted.</summary>
    public required string Claims { get; set; }

    /// <summary>The sector of its pairwise <c>sub</c>.</summary>
    public required string Sector { get; set; }

    /// <summary>The PBKDF2 hash of its client secret (OpenIddict's format), or null: <c>private_key_jwt</c> only.</summary>
    public string? ClientSecretHash { get; set; }

    /// <summary>The algorithm its ID tokens are signed with (<c>id_token_signed_response_alg</c>): RS256, PS256 or ES256.</summary>
    public required string IdTokenSignedResponseAlg { get; set; }

    public string? ServiceHomepage { get; set; }

    public string? OtherWaysEn { get; set; }

    public string? OtherWaysCy { get; set; }

    /// <summary>The matching service's metadata as received (null for an RP without matching, ADR 0026): its endpoint and keys.</summary>
    public byte[]? MatchingServiceMetadataXml { get; set; }

    /// <summary>The matching service's <see cref="Verify.Saml.Trust.TrustKind"/>, when there is one.</summary>
    public int? MatchingServiceTrustKind { get; set; }

    public string? AccountCreationUrl { get; set; }

    public string? Cycle3Attribute { get; set; }

    /// <summary>Account-creation attribute names, comma-separated; null when the RP creates no accounts.</summary>
    public string? AccountCreationAttributes { get; set; }

    /// <summary>SHA-256 of everything registered except <see cref="Enabled"/>: an unchanged re-import writes nothing.</summary>
    public required string ContentHash { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}
