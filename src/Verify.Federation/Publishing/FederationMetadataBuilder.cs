using System.Xml;

using Verify.Saml.Metadata;

namespace Verify.Federation.Publishing;

/// <summary>
/// Builds the federation metadata the operator signs: one <c>md:EntitiesDescriptor</c> holding the hub's entity and
/// the entity of every enabled IDP, as registered (SAML Metadata 2.3.1). It is returned unsigned: the caller signs it
/// with <c>MetadataSigner.Sign(document, credential, validUntil)</c> and the metadata-signing key, which never sits on
/// the hub (ARCHITECTURE.md), then stores it with <see cref="FederationStore.PublishMetadataAsync"/>.
/// </summary>
public static class FederationMetadataBuilder
{
    /// <summary>The <c>Name</c> of the federation's <c>md:EntitiesDescriptor</c>.</summary>
    public const string FederationName = "urn:verify:federation";

    /// <summary>Builds the unsigned federation metadata.</summary>
    /// <param name="hub">The hub's own entity (its SP role towards IDPs, its IDP role towards RPs).</param>
    /// <param name="snapshot">The federation; every enabled IDP is included, temporarily unavailable ones too (their keys still verify journeys under way).</param>
    /// <param name="validUntil">The document's <c>validUntil</c>; consumers refuse it afterwards.</param>
    /// <exception cref="ArgumentException">An IDP has the hub's entity ID.</exception>
    public static XmlDocument Build(EntityDescriptor hub, FederationSnapshot snapshot, DateTimeOffset validUntil)
    {
        ArgumentNullException.ThrowIfNull(hub);
        ArgumentNullException.ThrowIfNull(snapshot);
        var idps = snapshot.IdentityProviders
            .Where(i => i.Enabled)
            .OrderBy(i => i.EntityId, StringComparer.Ordinal)
            .Select(i => AsPublished(i.Entity))
            .ToList();

        // SAML Metadata 2.3.2: entityIDs are unique within the document.
        if (idps.Any(i => string.Equals(i.EntityId, hub.EntityId, StringComparison.Ordinal)))
        {
            throw new ArgumentException($"An identity provider is registered with the hub's entity ID '{hub.EntityId}'.", nameof(hub));
        }

        var federation = new EntitiesDescriptor
        {
            Name = FederationName,
            ValidUntil = validUntil.ToUniversalTime(),
            Members = [AsPublished(hub), .. idps],
        };
        return MetadataWriter.Write(federation);
    }

    /// <summary>
    /// An entity as the federation republishes it. Its own signature is not carried (the metadata signer's signature
    /// covers the whole document), so its <c>ID</c> has nothing to reference and is dropped, which also keeps IDs
    /// unique in the document (XML Schema xs:ID). Its own <c>validUntil</c> and <c>cacheDuration</c> were about the
    /// party's self-published copy; the federation's <c>validUntil</c> governs the republished one.
    /// </summary>
    private static EntityDescriptor AsPublished(EntityDescriptor entity) =>
        entity with { Id = null, ValidUntil = null, CacheDuration = null, Signature = null, Source = null };
}
