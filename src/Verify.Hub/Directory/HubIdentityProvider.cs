using Verify.Hub.Journey.Assurance;
using Verify.Saml.Trust;

namespace Verify.Hub.Directory;

/// <summary>
/// A registered identity provider as the hub's endpoints need it (from the federation store): a SAML IDP (its
/// single sign-on service and registered keys) or an OpenID Connect IDP (<see cref="Oidc"/>, ADR 0022). Both kinds
/// share one ID namespace and one journey; only the choose-a-company page and the answer's endpoint tell them apart.
/// </summary>
public sealed record HubIdentityProvider
{
    /// <summary>The IDP's ID in journeys: a SAML IDP's entity ID, an OIDC IDP's issuer.</summary>
    public required string EntityId { get; init; }

    /// <summary>The company's name as citizens see it.</summary>
    public required string DisplayName { get; init; }

    /// <summary>The levels it is certified for.</summary>
    public required LevelOfAssuranceSet CertifiedLevels { get; init; }

    /// <summary>
    /// Its registered SAML keys and how they are trusted. An OIDC IDP has none: a SAML Response naming its issuer
    /// fails signature checking, so nothing it did not sign as an ID token is ever taken from it.
    /// </summary>
    public required PartyTrust Trust { get; init; }

    /// <summary>Its registered HTTP-POST single sign-on service; null for an OIDC IDP.</summary>
    public Uri? SingleSignOnService { get; init; }

    /// <summary>How the hub talks to it when it speaks OpenID Connect; null for a SAML IDP.</summary>
    public HubOidcIdentityProvider? Oidc { get; init; }
}
