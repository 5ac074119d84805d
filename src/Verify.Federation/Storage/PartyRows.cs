using Verify.Federation.Parties;
using Verify.Federation.Registration;
using Verify.Federation.Storage.Entities;

namespace Verify.Federation.Storage;

/// <summary>
/// The one code path from a checked registration to rows: every column comes from the registration, so what the
/// store holds is exactly what passed the federation's rules. <c>created_at</c> survives updates.
/// </summary>
internal static class PartyRows
{
    /// <summary>Copies <paramref name="registration"/> into <paramref name="row"/> (new or existing).</summary>
    public static void Write(RelyingPartyEntity row, RelyingPartyRegistration registration, DateTimeOffset now)
    {
        row.EntityId = registration.EntityId;
        row.DisplayNameEn = registration.DisplayName.English;
        row.DisplayNameCy = registration.DisplayName.Welsh;
        row.Enabled = registration.Enabled;
        row.Levels = PartyLevels.Format(registration.Levels);
        row.TrustKind = (int)registration.Trust;
        row.MetadataXml = registration.MetadataXml.ToArray();
        row.ServiceHomepage = registration.ServiceHomepage;
        row.OtherWaysEn = registration.OtherWaysToAccess?.English;
        row.OtherWaysCy = registration.OtherWaysToAccess?.Welsh;
        row.MatchingServiceEntityId = registration.MatchingServiceEntityId;
        row.MatchingServiceMetadataXml = registration.MatchingService?.MetadataXml.ToArray();
        row.MatchingServiceTrustKind = registration.MatchingService is { } ms ? (int)ms.Trust : null;
        row.AccountCreationUrl = registration.MatchingService?.AccountCreationUrl;
        row.Cycle3Attribute = registration.Cycle3Attribute;
        row.AccountCreationAttributes = registration.AccountCreationAttributes.Count > 0 ? string.Join(',', registration.AccountCreationAttributes) : null;
        row.AssertionMode = (int)registration.AssertionMode;
        row.ContentHash = registration.ContentHash;
        row.AssertionConsumerServices = [.. registration.AssertionConsumerServices.Select(a => new AcsEntity { Url = a.Url, Index = a.Index, IsDefault = a.IsDefault })];
        row.Certificates = [.. registration.Certificates.Select(Certificate)];
        row.UpdatedAt = now;
    }

    /// <summary>Copies <paramref name="registration"/> into <paramref name="row"/> (new or existing).</summary>
    public static void Write(IdentityProviderEntity row, IdentityProviderRegistration registration, DateTimeOffset now)
    {
        row.EntityId = registration.EntityId;
        row.DisplayNameEn = registration.DisplayName.English;
        row.DisplayNameCy = registration.DisplayName.Welsh;
        row.Enabled = registration.Enabled;
        row.Levels = PartyLevels.Format(registration.Levels);
        row.TrustKind = (int)registration.Trust;
        row.MetadataXml = registration.MetadataXml.ToArray();
        row.SingleSignOnUrl = registration.SingleSignOnUrl;
        row.DisplayOrder = registration.DisplayOrder;
        row.OnboardingOnlyFor = [.. registration.OnboardingOnlyFor.Select(rp => new OnboardingEntity { RelyingPartyEntityId = rp })];
        row.ProvideRegistrationUntil = registration.ProvideRegistrationUntil;
        row.ProvideSignInUntil = registration.ProvideSignInUntil;
        row.TemporarilyUnavailable = registration.TemporarilyUnavailable;
        row.ContentHash = registration.ContentHash;
        row.Certificates = [.. registration.Certificates.Select(Certificate)];
        row.UpdatedAt = now;
    }

    /// <summary>A new row for <paramref name="registration"/>.</summary>
    public static RelyingPartyEntity New(RelyingPartyRegistration registration, DateTimeOffset now)
    {
        var row = new RelyingPartyEntity { EntityId = "", DisplayNameEn = "", Levels = "", MetadataXml = [], ContentHash = "", CreatedAt = now };
        Write(row, registration, now);
        return row;
    }

    /// <summary>A new row for <paramref name="registration"/>.</summary>
    public static IdentityProviderEntity New(IdentityProviderRegistration registration, DateTimeOffset now)
    {
        var row = new IdentityProviderEntity { EntityId = "", DisplayNameEn = "", Levels = "", MetadataXml = [], SingleSignOnUrl = "", ContentHash = "", CreatedAt = now };
        Write(row, registration, now);
        return row;
    }

    /// <summary>The domain view of a stored RP (its metadata, and its matching service's, are read again for their keys).</summary>
    public static RelyingParty ToRelyingParty(RelyingPartyEntity row)
    {
        var (entity, role) = StoredMetadata.Read<Saml.Metadata.SpSsoDescriptor>(row.MetadataXml);
        var matching = row.MatchingServiceMetadataXml is { } xml
            ? RelyingPartyMatching.Read(xml, row.MatchingServiceTrustKind, row.AccountCreationUrl, row.Cycle3Attribute, row.AccountCreationAttributes)
            : null;
        return new RelyingParty(row, entity, role, matching);
    }

    /// <summary>The domain view of a stored IDP (its metadata is read again for its keys).</summary>
    public static IdentityProvider ToIdentityProvider(IdentityProviderEntity row)
    {
        var (entity, role) = StoredMetadata.Read<Saml.Metadata.IdpSsoDescriptor>(row.MetadataXml);
        return new IdentityProvider(row, entity, role);
    }

    private static CertificateEntity Certificate(PartyCertificate certificate) => new()
    {
        Use = (int)certificate.Use,
        Der = certificate.Der.ToArray(),
        Sha256 = certificate.Sha256Thumbprint,
        Subject = certificate.Subject.Length <= 1024 ? certificate.Subject : certificate.Subject[..1024],
        NotAfter = certificate.NotAfter,
    };
}
