using Verify.Saml.Metadata;
using Verify.Saml.Xml;

namespace Verify.Federation.Storage;

/// <summary>
/// Reads back metadata the store holds. It passed registration's checks when it was stored, so it is read with the
/// reader's structural rules only (HTTPS was enforced at registration, where loopback http may have been allowed).
/// </summary>
internal static class StoredMetadata
{
    private static readonly MetadataReader Reader = new(new MetadataReaderOptions { RequireHttps = false });

    /// <summary>The one entity of the stored metadata and its <typeparamref name="TRole"/>.</summary>
    /// <exception cref="Saml.Errors.SamlException">The stored metadata no longer reads (e.g. a stricter reader).</exception>
    /// <exception cref="InvalidOperationException">It has no such role.</exception>
    public static (EntityDescriptor Entity, TRole Role) Read<TRole>(byte[] xml)
        where TRole : RoleDescriptor
    {
        var entity = Reader.Read(SecureXml.Load(xml, SecureXmlOptions.Metadata)).Entities.Single();
        var role = entity.Roles.OfType<TRole>().SingleOrDefault()
            ?? throw new InvalidOperationException($"The stored metadata of '{entity.EntityId}' lost its {typeof(TRole).Name}.");
        return (entity, role);
    }
}
