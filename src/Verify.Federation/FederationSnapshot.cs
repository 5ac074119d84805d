using Verify.Federation.Parties;
using Verify.Federation.Publishing;
using Verify.Hub.Journey;
using Verify.Hub.Journey.Assurance;
using Verify.Hub.Journey.Model;

namespace Verify.Federation;

/// <summary>
/// The whole federation configuration at one <see cref="Revision"/>, immutable: what a hub node works from between
/// reloads (<see cref="CachedFederation"/>). Lookups by entity ID treat a disabled party as unknown, so a disabled
/// RP's requests and a disabled IDP's responses are refused without a separate check (VERIFY-REFERENCE.md: "issuer
/// enabled"). As <see cref="IIdpAvailability"/> it answers the journey's "may the citizen choose this IDP" question.
/// </summary>
public sealed class FederationSnapshot : IIdpAvailability
{
    private readonly Dictionary<string, RelyingParty> _relyingParties;
    private readonly Dictionary<string, IdentityProvider> _identityProviders;
    private readonly TimeProvider _timeProvider;
    private readonly IReadOnlyList<OidcIdentityProvider> _oidcIdentityProviders = [];
    private readonly IReadOnlyList<OidcRelyingParty> _oidcRelyingParties = [];
    private readonly Dictionary<string, OidcRelyingParty> _oidcRelyingPartiesById = new(StringComparer.Ordinal);

    internal FederationSnapshot(
        long revision,
        IEnumerable<RelyingParty> relyingParties,
        IEnumerable<IdentityProvider> identityProviders,
        PublishedMetadata? publishedMetadata,
        IReadOnlyList<string> problems,
        TimeProvider timeProvider)
    {
        Revision = revision;
        RelyingParties = [.. relyingParties.OrderBy(r => r.EntityId, StringComparer.Ordinal)];
        IdentityProviders = InDisplayOrder(identityProviders);
        _relyingParties = RelyingParties.ToDictionary(r => r.EntityId, StringComparer.Ordinal);
        _identityProviders = IdentityProviders.ToDictionary(i => i.EntityId, StringComparer.Ordinal);
        PublishedMetadata = publishedMetadata;
        Problems = problems;
        _timeProvider = timeProvider;
    }

    /// <summary>
    /// A snapshot of checked registrations without a store, at revision 0: for tools and for tests of code that
    /// reads the federation (the hub's). Production reads <see cref="FederationStore.LoadSnapshotAsync"/>.
    /// </summary>
    public static FederationSnapshot FromRegistrations(
        IEnumerable<Registration.RelyingPartyRegistration> relyingParties,
        IEnumerable<Registration.IdentityProviderRegistration> identityProviders,
        TimeProvider timeProvider,
        IEnumerable<Registration.OidcIdentityProviderRegistration>? oidcIdentityProviders = null,
        IEnumerable<Registration.OidcRelyingPartyRegistration>? oidcRelyingParties = null)
    {
        ArgumentNullException.ThrowIfNull(relyingParties);
        ArgumentNullException.ThrowIfNull(identityProviders);
        ArgumentNullException.ThrowIfNull(timeProvider);
        return SnapshotLoader.FromRegistrations(relyingParties, identityProviders, timeProvider, oidcIdentityProviders, oidcRelyingParties);
    }

    /// <summary>The federation revision this snapshot was read at.</summary>
    public long Revision { get; }

    /// <summary>Every registered RP, enabled or not, by entity ID.</summary>
    public IReadOnlyList<RelyingParty> RelyingParties { get; }

    /// <summary>Every registered IDP, enabled or not, in display order.</summary>
    public IReadOnlyList<IdentityProvider> IdentityProviders { get; }

    /// <summary>Every IDP registered by OpenID Connect issuer (ADR 0022), enabled or not, in display order.</summary>
    public IReadOnlyList<OidcIdentityProvider> OidcIdentityProviders
    {
        get => _oidcIdentityProviders;
        internal init => _oidcIdentityProviders =
            [.. value.OrderBy(i => i.DisplayOrder).ThenBy(i => i.DisplayName.English, StringComparer.OrdinalIgnoreCase).ThenBy(i => i.Issuer, StringComparer.Ordinal)];
    }

    /// <summary>Every RP registered as an OpenID Connect client (ADR 0021), enabled or not, by client ID.</summary>
    public IReadOnlyList<OidcRelyingParty> OidcRelyingParties
    {
        get => _oidcRelyingParties;
        internal init
        {
            _oidcRelyingParties = [.. value.OrderBy(r => r.ClientId, StringComparer.Ordinal)];
            _oidcRelyingPartiesById = _oidcRelyingParties.ToDictionary(r => r.ClientId, StringComparer.Ordinal);
        }
    }

    /// <summary>The newest signed federation metadata, to serve as is; null before the first publish.</summary>
    public PublishedMetadata? PublishedMetadata { get; }

    /// <summary>Parties left out because their stored metadata could not be read again, one line each; normally empty.</summary>
    public IReadOnlyList<string> Problems { get; }

    /// <summary>The enabled RP with <paramref name="entityId"/>, or null (unknown or disabled).</summary>
    public RelyingParty? FindRelyingParty(string entityId) =>
        _relyingParties.TryGetValue(entityId, out var rp) && rp.Enabled ? rp : null;

    /// <summary>The enabled OIDC RP with <paramref name="clientId"/>, or null (unknown or disabled).</summary>
    public OidcRelyingParty? FindOidcRelyingParty(string clientId) =>
        _oidcRelyingPartiesById.TryGetValue(clientId, out var rp) && rp.Enabled ? rp : null;

    /// <summary>
    /// The enabled IDP with <paramref name="entityId"/>, or null (unknown or disabled). A temporarily unavailable or
    /// soft-disconnected IDP is still found: journeys already at it must be able to finish.
    /// </summary>
    public IdentityProvider? FindIdentityProvider(string entityId) =>
        _identityProviders.TryGetValue(entityId, out var idp) && idp.Enabled ? idp : null;

    /// <summary>
    /// The IDPs a citizen of <paramref name="rpEntityId"/> may choose for <paramref name="intent"/> at
    /// <paramref name="now"/> (<see cref="IdentityProvider.IsOfferedTo"/>), in a stable order: display order, then
    /// English display name, then entity ID. Empty for an unknown or disabled RP.
    /// </summary>
    public IReadOnlyList<IdentityProvider> IdentityProvidersFor(string rpEntityId, JourneyIntent intent, DateTimeOffset now) =>
        RpLevels(rpEntityId) is { } levels ? [.. IdentityProviders.Where(idp => idp.IsOfferedToRp(rpEntityId, levels, intent, now))] : [];

    /// <summary><see cref="IdentityProvidersFor(string, JourneyIntent, DateTimeOffset)"/> at the snapshot clock's now.</summary>
    public IReadOnlyList<IdentityProvider> IdentityProvidersFor(string rpEntityId, JourneyIntent intent) =>
        IdentityProvidersFor(rpEntityId, intent, _timeProvider.GetUtcNow());

    /// <summary>The enabled OIDC IDP with this issuer, or null (found even when unavailable, as <see cref="FindIdentityProvider"/>).</summary>
    public OidcIdentityProvider? FindOidcIdentityProvider(string issuer) =>
        OidcIdentityProviders.FirstOrDefault(i => i.Enabled && string.Equals(i.Issuer, issuer, StringComparison.Ordinal));

    /// <summary>The OIDC IDPs a citizen of <paramref name="rpEntityId"/> may choose now, by the SAML IDPs' rule.</summary>
    public IReadOnlyList<OidcIdentityProvider> OidcIdentityProvidersFor(string rpEntityId, JourneyIntent intent) =>
        RpLevels(rpEntityId) is { } levels ? [.. OidcIdentityProviders.Where(idp => idp.IsOfferedToRp(rpEntityId, levels, intent, _timeProvider.GetUtcNow()))] : [];

    /// <inheritdoc />
    public IdpOffer? Find(string rpId, string idpId, JourneyIntent intent)
    {
        ArgumentNullException.ThrowIfNull(rpId);
        ArgumentNullException.ThrowIfNull(idpId);
        if (RpLevels(rpId) is not { } levels)
        {
            return null;
        }

        if (FindOidcIdentityProvider(idpId) is { } oidc)
        {
            return oidc.IsOfferedToRp(rpId, levels, intent, _timeProvider.GetUtcNow()) ? new IdpOffer(oidc.Issuer, oidc.Levels) : null;
        }

        return FindIdentityProvider(idpId) is { } idp
            && idp.IsOfferedToRp(rpId, levels, intent, _timeProvider.GetUtcNow())
                ? new IdpOffer(idp.EntityId, idp.Levels)
                : null;
    }

    // The levels an enabled RP of either protocol accepts (a SAML RP or an OIDC client, ADR 0021); null for none.
    private LevelOfAssuranceSet? RpLevels(string rpId) => FindRelyingParty(rpId)?.Levels ?? FindOidcRelyingParty(rpId)?.Levels;

    /// <summary>The stable order citizens see IDPs in: display order, then English display name, then entity ID.</summary>
    internal static IReadOnlyList<IdentityProvider> InDisplayOrder(IEnumerable<IdentityProvider> identityProviders) =>
    [
        .. identityProviders
            .OrderBy(i => i.DisplayOrder)
            .ThenBy(i => i.DisplayName.English, StringComparer.OrdinalIgnoreCase)
            .ThenBy(i => i.EntityId, StringComparer.Ordinal),
    ];
}
