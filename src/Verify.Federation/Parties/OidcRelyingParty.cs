using System.Diagnostics.CodeAnalysis;

using Verify.Federation.Storage.Entities;

namespace Verify.Federation.Parties;

/// <summary>
/// A relying party registered as an OpenID Connect client (ADR 0021), as a <see cref="FederationSnapshot"/> gives it:
/// immutable. Its <see cref="OidcRelyingPartyFields.ClientId"/> is its ID in journeys, in the same namespace as SAML RPs' entity IDs.
/// </summary>
public sealed class OidcRelyingParty : OidcRelyingPartyFields
{
    [SetsRequiredMembers]
    internal OidcRelyingParty(OidcRelyingPartyEntity row, RelyingPartyMatching? matching)
    {
        ClientId = row.ClientId;
        DisplayName = new BilingualText(row.DisplayNameEn, row.DisplayNameCy);
        Enabled = row.Enabled;
        Levels = PartyLevels.Parse(row.Levels);
        RedirectUris = Lines(row.RedirectUris);
        PostLogoutRedirectUris = Lines(row.PostLogoutRedirectUris);
        Jwks = row.Jwks;
        JwksUri = row.JwksUri;
        Scopes = Lines(row.Scopes);
        Claims = Lines(row.Claims);
        Sector = row.Sector;
        ClientSecretHash = row.ClientSecretHash;
        IdTokenSignedResponseAlg = row.IdTokenSignedResponseAlg;
        ServiceHomepage = row.ServiceHomepage;
        OtherWaysToAccess = row.OtherWaysEn is null ? null : new BilingualText(row.OtherWaysEn, row.OtherWaysCy);
        Matching = matching;
        CreatedAt = row.CreatedAt;
        UpdatedAt = row.UpdatedAt;
    }

    /// <summary>Its matching service and settings, when the hub matches for it (ADR 0026: hub-asserted); null otherwise.</summary>
    public RelyingPartyMatching? Matching { get; }

    /// <summary>When it was first registered.</summary>
    public DateTimeOffset CreatedAt { get; }

    /// <summary>When its registration last changed.</summary>
    public DateTimeOffset UpdatedAt { get; }

    /// <inheritdoc />
    public override string ToString() => ClientId;

    private static string[] Lines(string value) => value.Length == 0 ? [] : value.Split('\n');
}
