using Microsoft.EntityFrameworkCore;

using Verify.Federation.Parties;
using Verify.Federation.Registration;
using Verify.Federation.Storage;
using Verify.Saml.Trust;

namespace Verify.Federation;

/// <summary>Relying parties registered as OpenID Connect clients (ADR 0021).</summary>
public sealed partial class FederationStore
{
    /// <summary>Adds or updates (by client ID) one OIDC relying party.</summary>
    /// <exception cref="RegistrationRefusedException">The client ID is another party's ID (a SAML entity ID or an OIDC issuer).</exception>
    public async Task<StoreOutcome> AddOrUpdateOidcRelyingPartyAsync(OidcRelyingPartyRegistration registration, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(registration);
        var changes = await AddOrUpdateAsync([], [], [], [registration], cancellationToken).ConfigureAwait(false);
        return changes[0].Outcome;
    }

    /// <summary>Every OIDC RP (enabled or not), by client ID.</summary>
    public async Task<IReadOnlyList<OidcRelyingParty>> ListOidcRelyingPartiesAsync(CancellationToken cancellationToken = default)
    {
        var context = Database.CreateContext();
        await using (context.ConfigureAwait(false))
        {
            var rows = await context.OidcRelyingParties.AsNoTracking().OrderBy(r => r.ClientId).ToListAsync(cancellationToken).ConfigureAwait(false);
            return [.. rows.Select(OidcRelyingPartyRows.ToParty)];
        }
    }

    /// <summary>Removes the OIDC RP with <paramref name="clientId"/>; false when there is none.</summary>
    public Task<bool> RemoveOidcRelyingPartyAsync(string clientId, CancellationToken cancellationToken = default) =>
        ChangeOneAsync(c => c.OidcRelyingParties.Where(r => r.ClientId == clientId), Remove, clientId, cancellationToken);

    /// <summary>Enables or disables the OIDC RP with <paramref name="clientId"/>; false when there is none.</summary>
    public Task<bool> SetOidcRelyingPartyEnabledAsync(string clientId, bool enabled, CancellationToken cancellationToken = default) =>
        ChangeOneAsync(
            c => c.OidcRelyingParties.Where(r => r.ClientId == clientId),
            (_, row) =>
            {
                var changed = row.Enabled != enabled;
                (row.Enabled, row.UpdatedAt) = (enabled, changed ? Now() : row.UpdatedAt);
                return changed;
            },
            clientId,
            cancellationToken);

    // Within AddOrUpdateAsync's transaction: adds or updates each OIDC RP by client ID.
    private static async Task ApplyOidcRelyingPartiesAsync(
        Storage.FederationDbContext context, IReadOnlyCollection<OidcRelyingPartyRegistration> relyingParties, DateTimeOffset now, List<StoreChange> changes, CancellationToken cancellationToken)
    {
        var clientIds = relyingParties.Select(r => r.ClientId).ToList();
        if (clientIds.Count == 0)
        {
            return;
        }

        // Journeys, audit events and OpenIddict name the RP by one ID: a client ID must not be any other party's ID.
        await RequireNotInOtherRoleAsync(context.RelyingParties.Where(r => clientIds.Contains(r.EntityId)).Select(r => r.EntityId), "a SAML relying party", cancellationToken).ConfigureAwait(false);
        await RequireNotInOtherRoleAsync(context.IdentityProviders.Where(i => clientIds.Contains(i.EntityId)).Select(i => i.EntityId), "a SAML identity provider", cancellationToken).ConfigureAwait(false);
        await RequireNotInOtherRoleAsync(context.OidcIdentityProviders.Where(i => clientIds.Contains(i.Issuer)).Select(i => i.Issuer), "an OpenID Connect identity provider", cancellationToken).ConfigureAwait(false);

        var rows = await context.OidcRelyingParties.Where(r => clientIds.Contains(r.ClientId)).ToDictionaryAsync(r => r.ClientId, StringComparer.Ordinal, cancellationToken).ConfigureAwait(false);
        UpsertOidcParties(
            relyingParties,
            rows,
            new OidcUpsert<OidcRelyingPartyRegistration, Storage.Entities.OidcRelyingPartyEntity>(
                r => r.ClientId,
                (row, r) => row.ContentHash == r.ContentHash && row.Enabled == r.Enabled,
                OidcRelyingPartyRows.New,
                OidcRelyingPartyRows.Write,
                row => context.OidcRelyingParties.Add(row)),
            PartyRole.RelyingParty,
            now,
            changes);
    }
}
