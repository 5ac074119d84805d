using Microsoft.EntityFrameworkCore;

using Verify.Federation.Registration;
using Verify.Federation.Storage;
using Verify.Federation.Storage.Entities;
using Verify.Saml.Trust;

namespace Verify.Federation;

/// <summary>Changes to parties: each call is one transaction that bumps the revision, or writes nothing at all.</summary>
public sealed partial class FederationStore
{
    /// <summary>Adds or updates (by entity ID) one relying party.</summary>
    /// <exception cref="RegistrationRefusedException">The entity ID is registered as an identity provider.</exception>
    public async Task<StoreOutcome> AddOrUpdateRelyingPartyAsync(RelyingPartyRegistration registration, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(registration);
        var changes = await AddOrUpdateAsync([registration], [], cancellationToken).ConfigureAwait(false);
        return changes[0].Outcome;
    }

    /// <summary>Adds or updates (by entity ID) one identity provider.</summary>
    /// <exception cref="RegistrationRefusedException">The entity ID is registered as a relying party.</exception>
    public async Task<StoreOutcome> AddOrUpdateIdentityProviderAsync(IdentityProviderRegistration registration, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(registration);
        var changes = await AddOrUpdateAsync([], [registration], cancellationToken).ConfigureAwait(false);
        return changes[0].Outcome;
    }

    /// <summary>
    /// Adds or updates (by entity ID) every party given, all or nothing, in one transaction. Parties that are already
    /// registered exactly so are left alone; when nothing changes, nothing is written and the revision stays.
    /// Parties not mentioned are not touched.
    /// </summary>
    /// <exception cref="RegistrationRefusedException">An entity ID is given twice, or in the other role than the one it is registered in.</exception>
    public Task<IReadOnlyList<StoreChange>> AddOrUpdateAsync(
        IReadOnlyCollection<RelyingPartyRegistration> relyingParties,
        IReadOnlyCollection<IdentityProviderRegistration> identityProviders,
        CancellationToken cancellationToken = default) =>
        AddOrUpdateAsync(relyingParties, identityProviders, [], cancellationToken);

    /// <summary>
    /// As <see cref="AddOrUpdateAsync(IReadOnlyCollection{RelyingPartyRegistration}, IReadOnlyCollection{IdentityProviderRegistration}, CancellationToken)"/>,
    /// with IDPs registered by OpenID Connect issuer (ADR 0022) in the same transaction.
    /// </summary>
    /// <exception cref="RegistrationRefusedException">An ID is given twice, or is registered in another role.</exception>
    public Task<IReadOnlyList<StoreChange>> AddOrUpdateAsync(
        IReadOnlyCollection<RelyingPartyRegistration> relyingParties,
        IReadOnlyCollection<IdentityProviderRegistration> identityProviders,
        IReadOnlyCollection<OidcIdentityProviderRegistration> oidcIdentityProviders,
        CancellationToken cancellationToken = default) =>
        AddOrUpdateAsync(relyingParties, identityProviders, oidcIdentityProviders, [], cancellationToken);

    /// <summary>
    /// As <see cref="AddOrUpdateAsync(IReadOnlyCollection{RelyingPartyRegistration}, IReadOnlyCollection{IdentityProviderRegistration}, IReadOnlyCollection{OidcIdentityProviderRegistration}, CancellationToken)"/>,
    /// with RPs registered as OpenID Connect clients (ADR 0021) in the same transaction.
    /// </summary>
    /// <exception cref="RegistrationRefusedException">An ID is given twice, or is registered in another role.</exception>
    public async Task<IReadOnlyList<StoreChange>> AddOrUpdateAsync(
        IReadOnlyCollection<RelyingPartyRegistration> relyingParties,
        IReadOnlyCollection<IdentityProviderRegistration> identityProviders,
        IReadOnlyCollection<OidcIdentityProviderRegistration> oidcIdentityProviders,
        IReadOnlyCollection<OidcRelyingPartyRegistration> oidcRelyingParties,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(relyingParties);
        ArgumentNullException.ThrowIfNull(identityProviders);
        ArgumentNullException.ThrowIfNull(oidcIdentityProviders);
        ArgumentNullException.ThrowIfNull(oidcRelyingParties);
        var rpIds = relyingParties.Select(r => r.EntityId).ToList();
        var idpIds = identityProviders.Select(i => i.EntityId).ToList();
        var issuers = oidcIdentityProviders.Select(i => i.Issuer).ToList();
        RequireDistinct(rpIds.Concat(idpIds).Concat(issuers).Concat(oidcRelyingParties.Select(r => r.ClientId)));

        var now = Now();
        var changes = new List<StoreChange>();
        await WriteAsync(
            async context =>
            {
                // One entity ID, one role: an IDP's responses must never be taken as an RP's requests, or the reverse.
                await RequireNotInOtherRoleAsync(context.IdentityProviders.Where(i => rpIds.Contains(i.EntityId)).Select(i => i.EntityId), "an identity provider", cancellationToken).ConfigureAwait(false);
                await RequireNotInOtherRoleAsync(context.RelyingParties.Where(r => idpIds.Contains(r.EntityId)).Select(r => r.EntityId), "a relying party", cancellationToken).ConfigureAwait(false);
                await RequireNotInOtherRoleAsync(context.OidcIdentityProviders.Where(i => rpIds.Contains(i.Issuer) || idpIds.Contains(i.Issuer)).Select(i => i.Issuer), "an OpenID Connect identity provider", cancellationToken).ConfigureAwait(false);
                await RequireNotInOtherRoleAsync(context.OidcRelyingParties.Where(r => rpIds.Contains(r.ClientId) || idpIds.Contains(r.ClientId) || issuers.Contains(r.ClientId)).Select(r => r.ClientId), "an OpenID Connect relying party", cancellationToken).ConfigureAwait(false);

                var rps = await context.RelyingParties.Where(r => rpIds.Contains(r.EntityId)).ToDictionaryAsync(r => r.EntityId, StringComparer.Ordinal, cancellationToken).ConfigureAwait(false);
                foreach (var registration in relyingParties)
                {
                    var outcome = Apply(rps.GetValueOrDefault(registration.EntityId), registration.ContentHash, registration.Enabled, row => PartyRows.Write(row, registration, now), () => context.RelyingParties.Add(PartyRows.New(registration, now)));
                    changes.Add(new StoreChange(registration.EntityId, PartyRole.RelyingParty, outcome));
                }

                var idps = await context.IdentityProviders.Where(i => idpIds.Contains(i.EntityId)).ToDictionaryAsync(i => i.EntityId, StringComparer.Ordinal, cancellationToken).ConfigureAwait(false);
                foreach (var registration in identityProviders)
                {
                    var outcome = Apply(idps.GetValueOrDefault(registration.EntityId), registration.ContentHash, registration.Enabled, row => PartyRows.Write(row, registration, now), () => context.IdentityProviders.Add(PartyRows.New(registration, now)));
                    changes.Add(new StoreChange(registration.EntityId, PartyRole.IdentityProvider, outcome));
                }

                // ADR 0022: IDPs registered by OpenID Connect issuer, in the same transaction.
                await ApplyOidcAsync(context, oidcIdentityProviders, now, changes, cancellationToken).ConfigureAwait(false);

                // ADR 0021: RPs registered as OpenID Connect clients, in the same transaction.
                await ApplyOidcRelyingPartiesAsync(context, oidcRelyingParties, now, changes, cancellationToken).ConfigureAwait(false);

                return changes.Any(c => c.Outcome != StoreOutcome.Unchanged);
            },
            cancellationToken).ConfigureAwait(false);
        return changes;
    }

    private static StoreOutcome Apply<TRow>(TRow? existing, string contentHash, bool enabled, Action<TRow> write, Action add)
        where TRow : class
    {
        if (existing is null)
        {
            add();
            return StoreOutcome.Added;
        }

        var (storedHash, storedEnabled) = existing switch
        {
            RelyingPartyEntity rp => (rp.ContentHash, rp.Enabled),
            IdentityProviderEntity idp => (idp.ContentHash, idp.Enabled),
            _ => throw new ArgumentException("Not a party row.", nameof(existing)),
        };
        if (storedHash == contentHash && storedEnabled == enabled)
        {
            return StoreOutcome.Unchanged;
        }

        write(existing);
        return StoreOutcome.Updated;
    }

    private static void RequireDistinct(IEnumerable<string> entityIds)
    {
        var twice = entityIds.GroupBy(id => id, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (twice is not null)
        {
            throw new RegistrationRefusedException($"Entity '{twice.Key}' is given more than once; each party is registered once, in one role.");
        }
    }

    private static async Task RequireNotInOtherRoleAsync(IQueryable<string> conflicts, string otherRole, CancellationToken cancellationToken)
    {
        var conflict = await conflicts.FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        if (conflict is not null)
        {
            throw new RegistrationRefusedException($"Entity '{conflict}' is already registered as {otherRole}; an entity ID has one role. Remove that registration first, or check the metadata.");
        }
    }
}
