namespace Verify.Saml.Metadata;

/// <summary>
/// A <c>md:EntityDescriptor</c> (SAML Metadata 2.3.2): one party of the federation (IDP, RP, matching service,
/// the hub), its roles with their keys and endpoints, its organization and contacts.
/// </summary>
/// <remarks>
/// The reader supports the roles Verify uses (<see cref="IdpSsoDescriptor"/>, <see cref="SpSsoDescriptor"/>,
/// <see cref="AttributeAuthorityDescriptor"/>); other roles, <c>md:AffiliationDescriptor</c> and
/// <c>md:AdditionalMetadataLocation</c> are refused rather than ignored.
/// </remarks>
public sealed record EntityDescriptor : MetadataDescriptor
{
    /// <summary>The <c>entityID</c>: the party's unique identifier, at most 1024 characters (SAML Metadata 2.3.2).</summary>
    public required string EntityId { get; init; }

    /// <summary>The role descriptors in document order; at least one.</summary>
    public required IReadOnlyList<RoleDescriptor> Roles { get; init; }

    /// <summary>The <c>md:Organization</c>, if given.</summary>
    public Organization? Organization { get; init; }

    /// <summary>The <c>md:ContactPerson</c> elements.</summary>
    public IReadOnlyList<ContactPerson> ContactPersons { get; init; } = [];

    /// <summary>The first <c>md:IDPSSODescriptor</c>, or null: the entity as an identity provider.</summary>
    public IdpSsoDescriptor? IdpSsoDescriptor => Roles.OfType<IdpSsoDescriptor>().FirstOrDefault();

    /// <summary>The first <c>md:SPSSODescriptor</c>, or null: the entity as a relying party (or the hub towards IDPs).</summary>
    public SpSsoDescriptor? SpSsoDescriptor => Roles.OfType<SpSsoDescriptor>().FirstOrDefault();

    /// <summary>The first <c>md:AttributeAuthorityDescriptor</c>, or null: the entity as a matching service.</summary>
    public AttributeAuthorityDescriptor? AttributeAuthorityDescriptor => Roles.OfType<AttributeAuthorityDescriptor>().FirstOrDefault();

    /// <inheritdoc />
    public override IEnumerable<EntityDescriptor> Entities => [this];
}
