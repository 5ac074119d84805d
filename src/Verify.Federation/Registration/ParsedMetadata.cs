using Verify.Saml.Metadata;

namespace Verify.Federation.Registration;

/// <summary>A party's metadata after <see cref="MetadataChecks.Parse{TRole}"/>: the bytes as received, the one entity, its role.</summary>
/// <typeparam name="TRole">The role the party registers in.</typeparam>
internal sealed record ParsedMetadata<TRole>(byte[] Xml, EntityDescriptor Entity, TRole Role)
    where TRole : RoleDescriptor
{
    /// <summary>The entity ID.</summary>
    public string EntityId => Entity.EntityId;
}
