using System.Security.Cryptography.X509Certificates;

using Verify.Saml.Errors;
using Verify.Saml.Xml;

namespace Verify.Saml.Metadata;

/// <summary>
/// Federation metadata whose signature verified against the metadata signer's trusted key and which was in date
/// when verified. Only <see cref="MetadataVerifier"/> makes one. Because a consumer keeps metadata for its cache
/// duration, expiry is checked again on every lookup: after <c>validUntil</c> (the root's, or an entity's own or
/// its group's, SAML Metadata 2.3.1/2.3.2), lookups fail with <see cref="SamlErrorCode.MetadataExpired"/>.
/// </summary>
public sealed class VerifiedMetadata
{
    private readonly TimeProvider _timeProvider;
    private readonly Dictionary<string, (EntityDescriptor Entity, DateTimeOffset? ValidUntil)> _entities = new(StringComparer.Ordinal);
    private readonly List<(EntityDescriptor Entity, DateTimeOffset? ValidUntil)> _inOrder = [];

    internal VerifiedMetadata(MetadataDescriptor metadata, VerifiedElement element, TimeProvider timeProvider)
    {
        Metadata = metadata;
        Element = element;
        _timeProvider = timeProvider;
        Index(metadata, null);
    }

    /// <summary>The metadata, read from the verified element.</summary>
    public MetadataDescriptor Metadata { get; }

    /// <summary>The verified root element, with the key that verified it.</summary>
    public VerifiedElement Element { get; }

    /// <summary>The certificate whose key verified the signature.</summary>
    public X509Certificate2? SignerCertificate => Element.Key.Certificate;

    /// <summary>The root's <c>validUntil</c>.</summary>
    public DateTimeOffset? ValidUntil => Metadata.ValidUntil;

    /// <summary>The root's <c>cacheDuration</c>: refresh the metadata at least this often.</summary>
    public TimeSpan? CacheDuration => Metadata.CacheDuration;

    /// <summary>Whether the root's <c>validUntil</c> has passed by the clock's current time.</summary>
    public bool IsExpired => Metadata.ValidUntil is { } validUntil && _timeProvider.GetUtcNow() >= validUntil;

    /// <summary>The entities still in date, in document order.</summary>
    public IEnumerable<EntityDescriptor> Entities =>
        IsExpired ? [] : _inOrder.Where(e => InDate(e.ValidUntil)).Select(e => e.Entity);

    /// <summary>The entity with this entityID, if described and in date.</summary>
    public bool TryGetEntity(string entityId, out EntityDescriptor? entity)
    {
        ArgumentNullException.ThrowIfNull(entityId);
        entity = !IsExpired && _entities.TryGetValue(entityId, out var found) && InDate(found.ValidUntil) ? found.Entity : null;
        return entity is not null;
    }

    /// <summary>The entity with this entityID.</summary>
    /// <exception cref="SamlException"><see cref="SamlErrorCode.MetadataEntityNotFound"/> or <see cref="SamlErrorCode.MetadataExpired"/>.</exception>
    public EntityDescriptor GetEntity(string entityId)
    {
        ArgumentNullException.ThrowIfNull(entityId);
        if (!_entities.TryGetValue(entityId, out var found))
        {
            throw new SamlException(SamlErrorCode.MetadataEntityNotFound);
        }

        return !IsExpired && InDate(found.ValidUntil) ? found.Entity : throw new SamlException(SamlErrorCode.MetadataExpired);
    }

    private bool InDate(DateTimeOffset? validUntil) => validUntil is not { } time || _timeProvider.GetUtcNow() < time;

    /// <summary>Each entity with its effective <c>validUntil</c>: the earliest of its own and its enclosing groups'.</summary>
    private void Index(MetadataDescriptor descriptor, DateTimeOffset? inherited)
    {
        var validUntil = (inherited, descriptor.ValidUntil) switch
        {
            ({ } a, { } b) => a < b ? a : b,
            (var a, var b) => a ?? b,
        };
        switch (descriptor)
        {
            case EntityDescriptor entity:
                _entities.Add(entity.EntityId, (entity, validUntil));
                _inOrder.Add((entity, validUntil));
                break;
            case EntitiesDescriptor group:
                foreach (var member in group.Members)
                {
                    Index(member, validUntil);
                }

                break;
        }
    }
}
