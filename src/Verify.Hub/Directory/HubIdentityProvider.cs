using Verify.Hub.Journey.Assurance;
using Verify.Saml.Trust;

namespace Verify.Hub.Directory;

/// <summary>A registered identity provider as the hub's endpoints need it (from the federation store).</summary>
public sealed record HubIdentityProvider
{
    /// <summary>The IDP's entity ID.</summary>
    public required string EntityId { get; init; }

    /// <summary>The company's name as citizens see it.</summary>
    public required string DisplayName { get; init; }

    /// <summary>The levels it is certified for.</summary>
    public required LevelOfAssuranceSet CertifiedLevels { get; init; }

    /// <summary>Its registered keys and how they are trusted.</summary>
    public required PartyTrust Trust { get; init; }

    /// <summary>Its registered HTTP-POST single sign-on service.</summary>
    public required Uri SingleSignOnService { get; init; }
}
