using System.Security.Cryptography.X509Certificates;

using Verify.Federation.Storage.Entities;
using Verify.Hub.Journey.Assurance;
using Verify.Saml.Metadata;
using Verify.Saml.Trust;

namespace Verify.Federation.Parties;

/// <summary>
/// A registered relying party, as a <see cref="FederationSnapshot"/> or <see cref="FederationStore"/> gives it:
/// immutable, read from the store. Its keys go through <c>TrustPolicy.SigningKeys(rp.Trust)</c> and
/// <c>TrustPolicy.EncryptionCertificates(rp.Trust)</c>; its response URL through <see cref="AcsUrl"/>.
/// </summary>
public sealed class RelyingParty
{
    internal RelyingParty(RelyingPartyEntity row, EntityDescriptor entity, SpSsoDescriptor descriptor, RelyingPartyMatching? matching)
    {
        EntityId = row.EntityId;
        DisplayName = new BilingualText(row.DisplayNameEn, row.DisplayNameCy);
        Enabled = row.Enabled;
        Levels = PartyLevels.Parse(row.Levels);
        TrustKind = (TrustKind)row.TrustKind;
        Entity = entity;
        Descriptor = descriptor;
        Trust = PartyTrust.FromMetadata(EntityId, PartyRole.RelyingParty, TrustKind, descriptor);
        MetadataXml = row.MetadataXml;
        AssertionConsumerServices = [.. row.AssertionConsumerServices.OrderBy(a => a.Index).Select(a => new AssertionConsumerService(a.Url, a.Index, a.IsDefault))];
        Certificates = [.. row.Certificates.Select(c => new PartyCertificate(X509CertificateLoader.LoadCertificate(c.Der), (KeyUse)c.Use))];
        ServiceHomepage = row.ServiceHomepage;
        OtherWaysToAccess = row.OtherWaysEn is { } en ? new BilingualText(en, row.OtherWaysCy) : null;
        MatchingServiceEntityId = row.MatchingServiceEntityId;
        Matching = matching;
        AssertionMode = (AssertionMode)row.AssertionMode;
        CreatedAt = row.CreatedAt;
        UpdatedAt = row.UpdatedAt;
    }

    /// <summary>The entity ID.</summary>
    public string EntityId { get; }

    /// <summary>The name citizens see.</summary>
    public BilingualText DisplayName { get; }

    /// <summary>Whether the hub accepts its requests. A snapshot's lookups treat a disabled RP as unknown.</summary>
    public bool Enabled { get; }

    /// <summary>The levels of assurance the RP accepts.</summary>
    public LevelOfAssuranceSet Levels { get; }

    /// <summary>How its keys are trusted (pinned by default for RPs).</summary>
    public TrustKind TrustKind { get; }

    /// <summary>The RP as trust sees it: give it to <c>TrustPolicy</c> for its signing keys and encryption certificates.</summary>
    public PartyTrust Trust { get; }

    /// <summary>Its registered metadata's entity.</summary>
    public EntityDescriptor Entity { get; }

    /// <summary>Its SP role, as registered.</summary>
    public SpSsoDescriptor Descriptor { get; }

    /// <summary>Its metadata exactly as registered.</summary>
    public ReadOnlyMemory<byte> MetadataXml { get; }

    /// <summary>The HTTP-POST assertion consumer services, by index; exactly one is the default.</summary>
    public IReadOnlyList<AssertionConsumerService> AssertionConsumerServices { get; }

    /// <summary>The certificates of its registered metadata.</summary>
    public IReadOnlyList<PartyCertificate> Certificates { get; }

    /// <summary>The service's start page, if registered.</summary>
    public string? ServiceHomepage { get; }

    /// <summary>"Other ways to access the service", if registered.</summary>
    public BilingualText? OtherWaysToAccess { get; }

    /// <summary>Its matching service's entity ID, if it names one (the hub matches only when <see cref="Matching"/> is registered).</summary>
    public string? MatchingServiceEntityId { get; }

    /// <summary>Its matching service and matching settings, when the hub matches for it.</summary>
    public RelyingPartyMatching? Matching { get; }

    /// <summary>What it receives on success: hub-asserted or end-to-end.</summary>
    public AssertionMode AssertionMode { get; }

    /// <summary>When it was first registered.</summary>
    public DateTimeOffset CreatedAt { get; }

    /// <summary>When its registration last changed.</summary>
    public DateTimeOffset UpdatedAt { get; }

    /// <summary>
    /// Where the hub may POST the response: the registered ACS with <paramref name="index"/>
    /// (<c>AssertionConsumerServiceIndex</c>), or the default one when no index is given. Null when that index is not
    /// registered: SAML Core 3.4.1 lets the hub refuse, and the hub never sends a response to a URL taken from a request.
    /// </summary>
    public string? AcsUrl(int? index = null) => index is { } wanted
        ? AssertionConsumerServices.FirstOrDefault(a => a.Index == wanted)?.Url
        : AssertionConsumerServices.First(a => a.IsDefault).Url;

    /// <summary>Whether <paramref name="url"/> is one of its registered ACS URLs (compared exactly, SAML Core 3.4.1.1).</summary>
    public bool IsRegisteredAcsUrl(string url) =>
        AssertionConsumerServices.Any(a => string.Equals(a.Url, url, StringComparison.Ordinal));

    /// <inheritdoc />
    public override string ToString() => EntityId;
}
