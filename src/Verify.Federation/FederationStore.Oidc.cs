using Microsoft.EntityFrameworkCore;

using Verify.Federation.Parties;
using Verify.Federation.Registration;
using Verify.Federation.Storage;
using Verify.Saml.Trust;

namespace Verify.Federation;

/// <summary>Identity providers registered by OpenID Connect issuer (ADR 0022).</summary>
public sealed partial class FederationStore
{
    /// <summary>
    /// Adds or updates (by issuer) every OIDC IDP given, all or nothing, in one transaction; unchanged ones are left
    /// alone, and when nothing changes nothing is written.
    /// </summary>
    /// <exception cref="RegistrationRefusedException">An issuer is given twice, or is a SAML party's entity ID (one ID, one party).</exception>
    public Task<IReadOnlyList<StoreChange>> AddOrUpdateOidcIdentityProvidersAsync(
        IReadOnlyCollection<OidcIdentityProviderRegistration> identityProviders, CancellationToken cancellationToken = default) =>
        AddOrUpdateAsync([], [], identityProviders, cancellationToken);

    // Within AddOrUpdateAsync's transaction: adds or updates each OIDC IDP by issuer.
    private static async Task ApplyOidcAsync(
        FederationDbContext context, IReadOnlyCollection<OidcIdentityProviderRegistration> identityProviders, DateTimeOffset now, List<StoreChange> changes, CancellationToken cancellationToken)
    {
        var issuers = identityProviders.Select(i => i.Issuer).ToList();
        if (issuers.Count == 0)
        {
            return;
        }

        // Journeys name the chosen IDP by one ID: an issuer must not also be a SAML IDP's or an RP's entity ID.
        await RequireNotInOtherRoleAsync(context.IdentityProviders.Where(i => issuers.Contains(i.EntityId)).Select(i => i.EntityId), "a SAML identity provider", cancellationToken).ConfigureAwait(false);
        await RequireNotInOtherRoleAsync(context.RelyingParties.Where(r => issuers.Contains(r.EntityId)).Select(r => r.EntityId), "a relying party", cancellationToken).ConfigureAwait(false);

        var rows = await context.OidcIdentityProviders.Where(i => issuers.Contains(i.Issuer)).ToDictionaryAsync(i => i.Issuer, StringComparer.Ordinal, cancellationToken).ConfigureAwait(false);
        UpsertOidcParties(
            identityProviders,
            rows,
            new OidcUpsert<OidcIdentityProviderRegistration, Storage.Entities.OidcIdentityProviderEntity>(
                i => i.Issuer,
                (row, i) => row.ContentHash == i.ContentHash && row.Enabled == i.Enabled,
                OidcPartyRows.New,
                OidcPartyRows.Write,
                row => context.OidcIdentityProviders.Add(row)),
            PartyRole.IdentityProvider,
            now,
            changes);
    }

    /// <summary>Every OIDC IDP (enabled or not), by issuer.</summary>
    public async Task<IReadOnlyList<OidcIdentityProvider>> ListOidcIdentityProvidersAsync(CancellationToken cancellationToken = default)
    {
        var context = Database.CreateContext();
        await using (context.ConfigureAwait(false))
        {
            var rows = await context.OidcIdentityProviders.AsNoTracking().OrderBy(i => i.Issuer).ToListAsync(cancellationToken).ConfigureAwait(false);
            return [.. rows.Select(OidcPartyRows.ToParty)];
        }
    }
}
