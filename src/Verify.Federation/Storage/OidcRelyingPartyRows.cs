using Verify.Federation.Parties;
using Verify.Federation.Registration;
using Verify.Federation.Storage.Entities;

namespace Verify.Federation.Storage;

/// <summary>The one write path for OpenID Connect RP rows (as <see cref="PartyRows"/> is for SAML parties).</summary>
internal static class OidcRelyingPartyRows
{
    public static void Write(OidcRelyingPartyEntity row, OidcRelyingPartyRegistration registration, DateTimeOffset now)
    {
        row.ClientId = registration.ClientId;
        row.DisplayNameEn = registration.DisplayName.English;
        row.DisplayNameCy = registration.DisplayName.Welsh;
        row.Enabled = registration.Enabled;
        row.Levels = registration.Levels.ToString();
        row.RedirectUris = string.Join('\n', registration.RedirectUris);
        row.PostLogoutRedirectUris = string.Join('\n', registration.PostLogoutRedirectUris);
        row.Jwks = registration.Jwks;
        row.JwksUri = registration.JwksUri;
        row.Scopes = string.Join('\n', registration.Scopes);
        row.Claims = string.Join('\n', registration.Claims);
        row.Sector = registration.Sector;
        row.ClientSecretHash = registration.ClientSecretHash;
        row.IdTokenSignedResponseAlg = registration.IdTokenSignedResponseAlg;
        row.ServiceHomepage = registration.ServiceHomepage;
        row.OtherWaysEn = registration.OtherWaysToAccess?.English;
        row.OtherWaysCy = registration.OtherWaysToAccess?.Welsh;
        row.MatchingServiceMetadataXml = registration.MatchingService?.MetadataXml.ToArray();
        row.MatchingServiceTrustKind = registration.MatchingService is { } ms ? (int)ms.Trust : null;
        row.AccountCreationUrl = registration.MatchingService?.AccountCreationUrl;
        row.Cycle3Attribute = registration.Cycle3Attribute;
        row.AccountCreationAttributes = registration.AccountCreationAttributes.Count > 0 ? string.Join(',', registration.AccountCreationAttributes) : null;
        row.ContentHash = registration.ContentHash;
        row.UpdatedAt = now;
    }

    public static OidcRelyingPartyEntity New(OidcRelyingPartyRegistration registration, DateTimeOffset now)
    {
        var row = new OidcRelyingPartyEntity
        {
            ClientId = registration.ClientId,
            DisplayNameEn = registration.DisplayName.English,
            Levels = registration.Levels.ToString(),
            RedirectUris = "",
            PostLogoutRedirectUris = "",
            Scopes = "",
            Claims = "",
            Sector = registration.Sector,
            IdTokenSignedResponseAlg = registration.IdTokenSignedResponseAlg,
            ContentHash = registration.ContentHash,
            CreatedAt = now,
        };
        Write(row, registration, now);
        return row;
    }

    /// <summary>The domain view of a stored OIDC RP (its matching service's metadata is read again for its keys).</summary>
    public static OidcRelyingParty ToParty(OidcRelyingPartyEntity row) => new(row, row.MatchingServiceMetadataXml is { } xml
        ? RelyingPartyMatching.Read(xml, row.MatchingServiceTrustKind, row.AccountCreationUrl, row.Cycle3Attribute, row.AccountCreationAttributes)
        : null);
}
