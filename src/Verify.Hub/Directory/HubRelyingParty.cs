using Verify.Hub.Journey.Assurance;
using Verify.Saml.Metadata;
using Verify.Saml.Trust;

namespace Verify.Hub.Directory;

/// <summary>A registered relying party as the hub's endpoints need it (from the federation store).</summary>
public sealed record HubRelyingParty
{
    /// <summary>The RP's entity ID.</summary>
    public required string EntityId { get; init; }

    /// <summary>The name citizens see ("Apply for a driving licence").</summary>
    public required string DisplayName { get; init; }

    /// <summary>The levels of assurance it accepts.</summary>
    public required LevelOfAssuranceSet Levels { get; init; }

    /// <summary>Its registered keys and how they are trusted.</summary>
    public required PartyTrust Trust { get; init; }

    /// <summary>Its registered HTTP-POST assertion consumer services: the only places the hub answers.</summary>
    public required IReadOnlyList<IndexedEndpoint> AssertionConsumerServices { get; init; }

    /// <summary>The service's start page, for "other ways to access the service"; null when not registered.</summary>
    public Uri? ServiceHomepage { get; init; }

    /// <summary>The RP's text on other ways to access its service, or null.</summary>
    public string? OtherWaysText { get; init; }

    /// <summary>Its matching service and settings, when the hub matches for it; null otherwise.</summary>
    public HubRpMatching? Matching { get; init; }

    /// <summary>Its registration as an OpenID Connect client (ADR 0021), when it signs in with OIDC; null otherwise.</summary>
    public Oidc.Provider.Clients.HubOidcClient? Oidc { get; init; }
}
