using Verify.Saml.Metadata;
using Verify.Saml.Samlp;
using Verify.Saml.Trust;

namespace Verify.Federation.Parties;

/// <summary>
/// A relying party's matching service and matching settings, as the store gives them (ADR 0018): the service's entity
/// ID, its SOAP match URL and account-creation URL, its keys (give <see cref="Trust"/> to <c>TrustPolicy</c>), the
/// cycle 3 attribute and the account-creation attributes.
/// </summary>
public sealed class RelyingPartyMatching
{
    private RelyingPartyMatching(
        byte[] metadataXml, int? trustKind, string? accountCreationUrl, string? cycle3Attribute, string? accountCreationAttributes,
        EntityDescriptor entity, AttributeAuthorityDescriptor descriptor)
    {
        EntityId = entity.EntityId;
        TrustKind = (TrustKind)(trustKind ?? (int)PartyTrust.DefaultKindFor(PartyRole.MatchingService));
        Trust = PartyTrust.FromMetadata(EntityId, PartyRole.MatchingService, TrustKind, descriptor);
        MatchUrl = descriptor.AttributeService(SamlBindings.Soap)?.Location
            ?? throw new InvalidOperationException($"The stored metadata of matching service '{EntityId}' lost its SOAP attribute service.");
        AccountCreationUrl = accountCreationUrl;
        Cycle3Attribute = cycle3Attribute;
        AccountCreationAttributes = accountCreationAttributes is { Length: > 0 } names ? names.Split(',') : [];
        MetadataXml = metadataXml;
    }

    /// <summary>The matching service's entity ID: the issuer its answers must carry.</summary>
    public string EntityId { get; }

    /// <summary>How its keys are trusted (pkix by default).</summary>
    public TrustKind TrustKind { get; }

    /// <summary>The matching service as trust sees it.</summary>
    public PartyTrust Trust { get; }

    /// <summary>Its SOAP attribute service: where match queries (cycles 0/1 and 3) go.</summary>
    public string MatchUrl { get; }

    /// <summary>Where account-creation queries go; null when not registered.</summary>
    public string? AccountCreationUrl { get; }

    /// <summary>The cycle 3 attribute, or null.</summary>
    public string? Cycle3Attribute { get; }

    /// <summary>The account-creation attributes; empty when the RP creates no accounts.</summary>
    public IReadOnlyList<string> AccountCreationAttributes { get; }

    /// <summary>Its metadata as registered.</summary>
    public ReadOnlyMemory<byte> MetadataXml { get; }

    /// <summary>A stored RP's matching service (SAML or OIDC RP): its metadata is read again for its endpoint and keys.</summary>
    internal static RelyingPartyMatching Read(byte[] metadataXml, int? trustKind, string? accountCreationUrl, string? cycle3Attribute, string? accountCreationAttributes)
    {
        var (entity, descriptor) = Storage.StoredMetadata.Read<AttributeAuthorityDescriptor>(metadataXml);
        return new RelyingPartyMatching(metadataXml, trustKind, accountCreationUrl, cycle3Attribute, accountCreationAttributes, entity, descriptor);
    }
}
