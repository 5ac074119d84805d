using Verify.Hub.Journey;
using Verify.Hub.Journey.Model;

namespace Verify.Hub.Directory;

/// <summary>
/// The federation as one request sees it: a consistent snapshot of the registered parties. The hub reads it through
/// <see cref="IHubDirectorySource"/>, implemented over the federation store's cached snapshot, so a configuration
/// change reaches every node without a restart.
/// </summary>
public interface IHubDirectory : IIdpAvailability
{
    /// <summary>The enabled RP with this entity ID, or null.</summary>
    HubRelyingParty? FindRelyingParty(string entityId);

    /// <summary>The registered IDP with this entity ID, or null (enabled or not: a response may still arrive).</summary>
    HubIdentityProvider? FindIdentityProvider(string entityId);

    /// <summary>
    /// The enabled RPs registered as OpenID Connect clients with exactly this post-logout redirect URI (RP-Initiated
    /// Logout 1.0 section 3: a logout request may name its client only through its ID token hint).
    /// </summary>
    IReadOnlyList<HubRelyingParty> OidcClientsWithPostLogoutRedirectUri(string uri);

    /// <summary>The IDPs the citizen may choose for this RP and intent, in a stable order.</summary>
    IReadOnlyList<HubIdentityProvider> IdentityProvidersFor(string rpEntityId, JourneyIntent intent);
}
