using Verify.Federation.Storage.Entities;
using Verify.Hub.Journey.Assurance;

namespace Verify.Federation.Parties;

/// <summary>
/// A relying party registered as an OpenID Connect client (ADR 0021), as a <see cref="FederationSnapshot"/> gives it:
/// immutable. Its <see cref="ClientId"/> is its ID in journeys, in the same namespace as SAML RPs' entity IDs.
/// </summary>
public sealed class OidcRelyingParty
{
    internal OidcRelyingParty(OidcRelyingPartyEntity row)
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
        ServiceHomepage = row.ServiceHomepage;
        OtherWaysToAccess = row.OtherWaysEn is null ? null : new BilingualText(row.OtherWaysEn, row.OtherWaysCy);
        CreatedAt = row.CreatedAt;
        UpdatedAt = row.UpdatedAt;
    }

    /// <summary>The client ID (also the RP's ID in journeys).</summary>
    public string ClientId { get; }

    /// <summary>The name citizens see.</summary>
    public BilingualText DisplayName { get; }

    /// <summary>Whether the hub accepts its requests.</summary>
    public bool Enabled { get; }

    /// <summary>The levels of assurance it accepts.</summary>
    public LevelOfAssuranceSet Levels { get; }

    /// <summary>The redirect URIs, compared exactly.</summary>
    public IReadOnlyList<string> RedirectUris { get; }

    /// <summary>The post-logout redirect URIs.</summary>
    public IReadOnlyList<string> PostLogoutRedirectUris { get; }

    /// <summary>Its public JWKS, or null when <see cref="JwksUri"/> is used.</summary>
    public string? Jwks { get; }

    /// <summary>Where it publishes its keys, or null.</summary>
    public string? JwksUri { get; }

    /// <summary>The scopes it may ask for.</summary>
    public IReadOnlyList<string> Scopes { get; }

    /// <summary>The identity claims it may receive.</summary>
    public IReadOnlyList<string> Claims { get; }

    /// <summary>The sector of its pairwise <c>sub</c>.</summary>
    public string Sector { get; }

    /// <summary>The hash of its client secret, or null (<c>private_key_jwt</c> only).</summary>
    public string? ClientSecretHash { get; }

    /// <summary>The service's start page, or null.</summary>
    public string? ServiceHomepage { get; }

    /// <summary>"Other ways to access the service", or null.</summary>
    public BilingualText? OtherWaysToAccess { get; }

    /// <summary>When it was first registered.</summary>
    public DateTimeOffset CreatedAt { get; }

    /// <summary>When its registration last changed.</summary>
    public DateTimeOffset UpdatedAt { get; }

    /// <inheritdoc />
    public override string ToString() => ClientId;

    private static string[] Lines(string value) => value.Length == 0 ? [] : value.Split('\n');
}
