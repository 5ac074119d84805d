namespace Verify.Federation.Import;

/// <summary>One entry of <c>identityProviders</c> in <c>federation.json</c>.</summary>
internal sealed class IdentityProviderConfig
{
    /// <summary>The IDP's SAML metadata file, relative to the config folder.</summary>
    public string? Metadata { get; set; }

    public List<string>? Levels { get; set; }

    /// <summary><c>pkix</c> or <c>pinned</c>; absent for the IDP default (pkix).</summary>
    public string? Trust { get; set; }

    public LocalizedTextConfig? DisplayName { get; set; }

    public bool Enabled { get; set; } = true;

    public int DisplayOrder { get; set; }

    public List<string>? OnboardingOnlyFor { get; set; }

    /// <summary>An ISO 8601 instant (<c>2027-03-31T23:00:00Z</c>); a date or a time without offset is taken as UTC.</summary>
    public string? ProvideRegistrationUntil { get; set; }

    /// <summary>As <see cref="ProvideRegistrationUntil"/>.</summary>
    public string? ProvideSignInUntil { get; set; }

    public bool TemporarilyUnavailable { get; set; }
}
