namespace Verify.Saml.Metadata;

/// <summary>
/// A <c>md:EntitiesDescriptor</c> (SAML Metadata 2.3.1): a group of entities, such as the whole federation, and
/// possibly nested groups. The federation's metadata is one of these, signed with the metadata-signing key.
/// </summary>
public sealed record EntitiesDescriptor : MetadataDescriptor
{
    /// <summary>The optional <c>Name</c> of the group.</summary>
    public string? Name { get; init; }

    /// <summary>The <c>md:EntityDescriptor</c> and nested <c>md:EntitiesDescriptor</c> children, in document order; at least one.</summary>
    public required IReadOnlyList<MetadataDescriptor> Members { get; init; }

    /// <inheritdoc />
    public override IEnumerable<EntityDescriptor> Entities => Members.SelectMany(member => member.Entities);
}
