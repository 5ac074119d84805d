namespace Verify.Federation.Storage.Entities;

/// <summary>An identity provider registered by OpenID Connect issuer, as stored (ADR 0022).</summary>
internal sealed class OidcIdentityProviderEntity
{
    public long Id { get; set; }

    /// <summary>The issuer identifier (OIDC Discovery 3); also the IDP's ID in journeys, unique across both IDP tables.</summary>
    public required string Issuer { get; set; }

    /// <summary>The client ID the hub was given at the IDP.</summary>
    public required string ClientId { get; set; }

    public required string DisplayNameEn { get; set; }

    public string? DisplayNameCy { get; set; }

    public bool Enabled { get; set; }

    /// <summary>Level names, lowest rank first, comma-separated: <c>LEVEL_1,LEVEL_2</c>.</summary>
    public required string Levels { get; set; }

    /// <summary>A pinned JSON Web Key Set (public keys only), or null to trust the keys of the issuer's discovery document.</summary>
    public string? PinnedJwks { get; set; }

    /// <summary>Scopes asked for besides <c>openid</c>, space-separated and sorted; empty for <c>openid</c> alone.</summary>
    public string Scopes { get; set; } = "";

    public int DisplayOrder { get; set; }

    /// <summary>The RPs this IDP is offered to, newline-separated and sorted; empty means every RP.</summary>
    public required string OnboardingOnlyFor { get; set; }

    public DateTimeOffset? ProvideRegistrationUntil { get; set; }

    public DateTimeOffset? ProvideSignInUntil { get; set; }

    public bool TemporarilyUnavailable { get; set; }

    /// <summary>SHA-256 of everything registered except <see cref="Enabled"/>: an unchanged re-import writes nothing.</summary>
    public required string ContentHash { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}
