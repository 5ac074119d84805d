namespace Verify.Federation.Import;

/// <summary>The root of <c>federation.json</c> (format: README.md). Field names are camelCase; unknown fields are errors.</summary>
internal sealed class FederationConfig
{
    /// <summary>The relying parties, registered in file order.</summary>
    public List<RelyingPartyConfig> RelyingParties { get; set; } = [];

    /// <summary>The identity providers, registered in file order.</summary>
    public List<IdentityProviderConfig> IdentityProviders { get; set; } = [];

    /// <summary>The identity providers registered by OpenID Connect issuer (ADR 0022), in file order.</summary>
    public List<OidcIdentityProviderConfig> OidcIdentityProviders { get; set; } = [];

    /// <summary>The relying parties registered as OpenID Connect clients (ADR 0021), in file order.</summary>
    public List<OidcRelyingPartyConfig> OidcRelyingParties { get; set; } = [];
}
