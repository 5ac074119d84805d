namespace Verify.Federation.Import;

/// <summary>One entry of <c>oidcIdentityProviders</c> in <c>federation.json</c> (ADR 0022).</summary>
internal sealed class OidcIdentityProviderConfig
{
    /// <summary>The issuer identifier (https, no query or fragment).</summary>
    public string? Issuer { get; set; }

    /// <summary>The client ID the hub was given at the IDP.</summary>
    public string? ClientId { get; set; }

    public List<string>? Levels { get; set; }

    /// <summary>A pinned JWKS file, relative to the config folder; absent to trust the issuer's discovery document.</summary>
    public string? Jwks { get; set; }

    /// <summary>Scopes to ask for besides <c>openid</c>, e.g. <c>["profile", "address"]</c>; absent for <c>openid</c> alone.</summary>
    public List<string>? Scopes { get; set; }

    public LocalizedTextConfig? DisplayName { get; set; }

    public bool Enabled { get; set; } = true;

    public int DisplayOrder { get; set; }

    public List<string>? OnboardingOnlyFor { get; set; }

    /// <summary>An ISO 8601 instant; a date or a time without offset is taken as UTC.</summary>
    public string? ProvideRegistrationUntil { get; set; }

    /// <summary>As <see cref="ProvideRegistrationUntil"/>.</summary>
    public string? ProvideSignInUntil { get; set; }

    public bool TemporarilyUnavailable { get; set; }
}
