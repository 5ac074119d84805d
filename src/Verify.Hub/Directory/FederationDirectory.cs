using System.Collections.Concurrent;
using System.Runtime.CompilerServices;

using Verify.Federation;
using Verify.Federation.Parties;
using Verify.Hub.Journey;
using Verify.Hub.Journey.Model;
using Verify.Hub.Metadata;
using Verify.Hub.Oidc.Provider.Clients;
using Verify.Saml.Metadata;
using Verify.Saml.Samlp;
using Verify.Saml.Trust;

namespace Verify.Hub.Directory;

/// <summary>
/// The hub's view of the federation store: the current <see cref="FederationSnapshot"/> from the cache (reloaded when
/// the store's revision changes, so a CLI change reaches every node without a restart), mapped once per snapshot, and
/// the signed federation metadata as published.
/// </summary>
public sealed class FederationDirectory(CachedFederation federation) : IHubDirectorySource, IPublishedMetadataSource
{
    private readonly ConditionalWeakTable<FederationSnapshot, SnapshotView> _views = [];

    /// <inheritdoc/>
    public async ValueTask<IHubDirectory> GetAsync(CancellationToken cancellationToken = default)
    {
        var snapshot = await federation.GetAsync(cancellationToken).ConfigureAwait(false);
        return _views.GetValue(snapshot, s => new SnapshotView(s));
    }

    /// <inheritdoc/>
    async ValueTask<byte[]?> IPublishedMetadataSource.GetAsync(CancellationToken cancellationToken)
    {
        var snapshot = await federation.GetAsync(cancellationToken).ConfigureAwait(false);
        return snapshot.PublishedMetadata?.Xml.ToArray();
    }

    private sealed class SnapshotView(FederationSnapshot snapshot) : IHubDirectory
    {
        private readonly ConcurrentDictionary<string, HubRelyingParty?> _rps = new(StringComparer.Ordinal);
        private readonly ConcurrentDictionary<string, HubIdentityProvider?> _idps = new(StringComparer.Ordinal);

        public HubRelyingParty? FindRelyingParty(string entityId) =>
            _rps.GetOrAdd(entityId, id => snapshot.FindRelyingParty(id) is { } rp ? Map(rp) : snapshot.FindOidcRelyingParty(id) is { } client ? Map(client) : null);

        public HubIdentityProvider? FindIdentityProvider(string entityId) =>
            _idps.GetOrAdd(entityId, id => snapshot.FindIdentityProvider(id) is { } idp ? Map(idp) : snapshot.FindOidcIdentityProvider(id) is { } oidc ? Map(oidc) : null);

        public IReadOnlyList<HubRelyingParty> OidcClientsWithPostLogoutRedirectUri(string uri) =>
        [
            .. snapshot.OidcRelyingParties
                .Where(rp => rp.Enabled && rp.PostLogoutRedirectUris.Contains(uri, StringComparer.Ordinal))
                .Select(rp => FindRelyingParty(rp.ClientId))
                .OfType<HubRelyingParty>(),
        ];

        // Both kinds on one page, in the snapshot's stable order: display order, then English name, then ID (ADR 0022).
        // For a matching RP too: its matching service receives the OIDC IDP's signed ID token as evidence (ADR 0025).
        public IReadOnlyList<HubIdentityProvider> IdentityProvidersFor(string rpEntityId, JourneyIntent intent) =>
        [
            .. snapshot.IdentityProvidersFor(rpEntityId, intent).Select(idp => (idp.DisplayOrder, idp.DisplayName.English, idp.EntityId))
                .Concat(snapshot.OidcIdentityProvidersFor(rpEntityId, intent)
                    .Select(idp => (idp.DisplayOrder, idp.DisplayName.English, EntityId: idp.Issuer)))
                .OrderBy(idp => idp.DisplayOrder)
                .ThenBy(idp => idp.English, StringComparer.OrdinalIgnoreCase)
                .ThenBy(idp => idp.EntityId, StringComparer.Ordinal)
                .Select(idp => FindIdentityProvider(idp.EntityId)!),
        ];

        public IdpOffer? Find(string rpId, string idpId, JourneyIntent intent) => snapshot.Find(rpId, idpId, intent);

        private static HubRelyingParty Map(RelyingParty rp) => new()
        {
            EntityId = rp.EntityId,
            DisplayName = rp.DisplayName.English,
            Levels = rp.Levels,
            Trust = rp.Trust,
            AssertionConsumerServices =
            [
                .. rp.AssertionConsumerServices.Select(acs => new IndexedEndpoint
                {
                    Binding = SamlBindings.HttpPost,
                    Location = acs.Url,
                    Index = acs.Index,
                    IsDefault = acs.IsDefault ? true : null,
                }),
            ],
            ServiceHomepage = Uri.TryCreate(rp.ServiceHomepage, UriKind.Absolute, out var homepage) ? homepage : null,
            OtherWaysText = rp.OtherWaysToAccess?.English,
            Matching = rp.Matching is { } matching ? Map(matching, endToEnd: rp.AssertionMode == AssertionMode.EndToEnd) : null,
        };

        private static HubRpMatching Map(RelyingPartyMatching matching, bool endToEnd) => new()
        {
            EntityId = matching.EntityId,
            Trust = matching.Trust,
            MatchUrl = new Uri(matching.MatchUrl),
            AccountCreationUrl = matching.AccountCreationUrl is { } url ? new Uri(url) : null,
            Cycle3Attribute = matching.Cycle3Attribute,
            AccountCreationAttributes = matching.AccountCreationAttributes,
            EndToEnd = endToEnd,
        };

        // ADR 0021: an RP registered as an OpenID Connect client. It has no SAML keys or endpoints, so a SAML request
        // naming its client ID fails signature checking (no registered certificate) and nothing is ever posted to it.
        private static HubRelyingParty Map(OidcRelyingParty rp) => new()
        {
            EntityId = rp.ClientId,
            DisplayName = rp.DisplayName.English,
            Levels = rp.Levels,
            Trust = new PartyTrust { PartyId = rp.ClientId, Role = PartyRole.RelyingParty, Kind = TrustKind.Pinned, Certificates = [] },
            AssertionConsumerServices = [],
            ServiceHomepage = Uri.TryCreate(rp.ServiceHomepage, UriKind.Absolute, out var homepage) ? homepage : null,
            OtherWaysText = rp.OtherWaysToAccess?.English,

            // ADR 0026: the hub asserts the match outcome in its tokens; an OIDC RP has no end-to-end mode.
            Matching = rp.Matching is { } matching ? Map(matching, endToEnd: false) : null,
            Oidc = new HubOidcClient
            {
                RedirectUris = rp.RedirectUris,
                JsonWebKeySet = rp.Jwks,
                JwksUri = rp.JwksUri is { } uri ? new Uri(uri) : null,
                Scopes = rp.Scopes.ToHashSet(StringComparer.Ordinal),
                Claims = rp.Claims.ToHashSet(StringComparer.Ordinal),
                Sector = rp.Sector,
                ClientSecretHash = rp.ClientSecretHash,
                PostLogoutRedirectUris = rp.PostLogoutRedirectUris,
                IdTokenSignedResponseAlg = rp.IdTokenSignedResponseAlg,
            },
        };

        private static HubIdentityProvider Map(IdentityProvider idp) => new()
        {
            EntityId = idp.EntityId,
            DisplayName = idp.DisplayName.English,
            CertifiedLevels = idp.Levels,
            Trust = idp.Trust,
            SingleSignOnService = new Uri(idp.SingleSignOnUrl),
        };

        // ADR 0022: no SAML keys or endpoints (a SAML Response naming the issuer fails signature checking).
        private static HubIdentityProvider Map(OidcIdentityProvider idp) => new()
        {
            EntityId = idp.Issuer,
            DisplayName = idp.DisplayName.English,
            CertifiedLevels = idp.Levels,
            Trust = new PartyTrust { PartyId = idp.Issuer, Role = PartyRole.IdentityProvider, Kind = TrustKind.Pinned, Certificates = [] },
            Oidc = new HubOidcIdentityProvider { Issuer = idp.Issuer, ClientId = idp.ClientId, PinnedJwks = idp.PinnedJwks, Scopes = idp.Scopes },
        };
    }
}
