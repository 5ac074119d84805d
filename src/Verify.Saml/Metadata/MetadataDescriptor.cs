using System.Xml;

namespace Verify.Saml.Metadata;

/// <summary>
/// What <c>md:EntitiesDescriptor</c> and <c>md:EntityDescriptor</c> share (SAML Metadata 2.3.1, 2.3.2): an optional
/// <c>ID</c> (the signature's reference), <c>validUntil</c>, <c>cacheDuration</c> and extensions. A metadata
/// document's root is one of the two; entities are found by entityID with <see cref="FindEntity"/>.
/// </summary>
/// <remarks>
/// Reading does not check the signature: <see cref="Signature"/> only records the <c>ds:Signature</c> found in the
/// schema's position (the first child), and <see cref="Source"/> is the element read. Use
/// <see cref="MetadataVerifier"/> for metadata from outside.
/// </remarks>
public abstract record MetadataDescriptor
{
    private protected MetadataDescriptor()
    {
    }

    /// <summary>The <c>ID</c> attribute, if any; a signature references it.</summary>
    public string? Id { get; init; }

    /// <summary>
    /// <c>validUntil</c>: after this time the metadata in this element and every element it contains must not be
    /// used (SAML Metadata 2.3.1, 2.3.2).
    /// </summary>
    public DateTimeOffset? ValidUntil { get; init; }

    /// <summary><c>cacheDuration</c> (an <c>xs:duration</c>): how long a consumer may cache the metadata before refreshing it.</summary>
    public TimeSpan? CacheDuration { get; init; }

    /// <summary>The children of <c>md:Extensions</c>, as read; each is namespace-qualified outside SAML's own namespaces.</summary>
    public IReadOnlyList<XmlElement> Extensions { get; init; } = [];

    /// <summary>The <c>ds:Signature</c> found as the first child, if any; never verified here.</summary>
    public XmlElement? Signature { get; init; }

    /// <summary>The element this descriptor was read from; null for one built in code.</summary>
    public XmlElement? Source { get; init; }

    /// <summary>Every entity in this descriptor, depth first in document order (this one, if it is an entity).</summary>
    public abstract IEnumerable<EntityDescriptor> Entities { get; }

    /// <summary>The entity with this entityID (compared ordinally, SAML Metadata 2.3.2), or null.</summary>
    public EntityDescriptor? FindEntity(string entityId)
    {
        ArgumentNullException.ThrowIfNull(entityId);
        return Entities.FirstOrDefault(e => string.Equals(e.EntityId, entityId, StringComparison.Ordinal));
    }
}
