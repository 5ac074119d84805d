namespace Verify.Saml.Metadata;

/// <summary>
/// What IDP and SP roles share (SAML Metadata 2.4.2 <c>SSODescriptorType</c>): artifact resolution, single logout
/// and name ID management endpoints, and the name ID formats supported.
/// </summary>
public abstract record SsoDescriptor : RoleDescriptor
{
    private protected SsoDescriptor()
    {
    }

    /// <summary>The <c>md:ArtifactResolutionService</c> endpoints.</summary>
    public IReadOnlyList<IndexedEndpoint> ArtifactResolutionServices { get; init; } = [];

    /// <summary>The <c>md:SingleLogoutService</c> endpoints.</summary>
    public IReadOnlyList<Endpoint> SingleLogoutServices { get; init; } = [];

    /// <summary>The <c>md:ManageNameIDService</c> endpoints.</summary>
    public IReadOnlyList<Endpoint> ManageNameIdServices { get; init; } = [];

    /// <summary>The <c>md:NameIDFormat</c> values.</summary>
    public IReadOnlyList<string> NameIdFormats { get; init; } = [];
}
