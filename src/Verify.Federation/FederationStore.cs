using System.Data;

using Microsoft.EntityFrameworkCore;

using Verify.Federation.Parties;
using Verify.Federation.Publishing;
using Verify.Federation.Storage;
using Verify.Federation.Storage.Entities;

namespace Verify.Federation;

/// <summary>
/// The federation configuration store: relying parties, identity providers and published federation metadata, on
/// SQLite (start-dev) or PostgreSQL (production). Every change runs in one transaction that also bumps the
/// federation revision, so <see cref="CachedFederation"/> on every hub node notices it with one cheap read.
/// Thread-safe: each call uses its own pooled context.
/// </summary>
public sealed partial class FederationStore
{
    /// <summary>The start-dev store: the SQLite file shared with the other start-dev stores (own tables, own migration history).</summary>
    public const string DefaultSqliteConnection = "Data Source=verify-dev.db";

    private FederationStore(FederationDatabase database, TimeProvider timeProvider)
    {
        Database = database;
        TimeProvider = timeProvider;
    }

    /// <summary>The database underneath.</summary>
    public FederationDatabase Database { get; }

    /// <summary>The clock for timestamps and for the snapshots' "now".</summary>
    public TimeProvider TimeProvider { get; }

    /// <summary>A store on <paramref name="provider"/> at <paramref name="connectionString"/>; call <see cref="MigrateAsync"/> before first use.</summary>
    public static FederationStore Create(FederationProvider provider, string connectionString, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(timeProvider);
        return new FederationStore(FederationDatabase.Create(provider, connectionString), timeProvider);
    }

    /// <summary>Creates the database if needed and applies this provider's migrations.</summary>
    public Task MigrateAsync(CancellationToken cancellationToken = default) => Database.MigrateAsync(cancellationToken);

    /// <summary>The federation revision: a counter every change bumps.</summary>
    public async Task<long> GetRevisionAsync(CancellationToken cancellationToken = default)
    {
        var context = Database.CreateContext();
        await using (context.ConfigureAwait(false))
        {
            return await ReadRevisionAsync(context, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Every registered RP (enabled or not), by entity ID.</summary>
    public async Task<IReadOnlyList<RelyingParty>> ListRelyingPartiesAsync(CancellationToken cancellationToken = default)
    {
        var context = Database.CreateContext();
        await using (context.ConfigureAwait(false))
        {
            var rows = await context.RelyingParties.AsNoTracking().OrderBy(r => r.EntityId).ToListAsync(cancellationToken).ConfigureAwait(false);
            return [.. rows.Select(PartyRows.ToRelyingParty)];
        }
    }

    /// <summary>Every registered IDP (enabled or not), in display order.</summary>
    public async Task<IReadOnlyList<IdentityProvider>> ListIdentityProvidersAsync(CancellationToken cancellationToken = default)
    {
        var context = Database.CreateContext();
        await using (context.ConfigureAwait(false))
        {
            var rows = await context.IdentityProviders.AsNoTracking().ToListAsync(cancellationToken).ConfigureAwait(false);
            return FederationSnapshot.InDisplayOrder(rows.Select(PartyRows.ToIdentityProvider));
        }
    }

    /// <summary>The RP registered with <paramref name="entityId"/> (enabled or not), or null.</summary>
    public async Task<RelyingParty?> GetRelyingPartyAsync(string entityId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entityId);
        var context = Database.CreateContext();
        await using (context.ConfigureAwait(false))
        {
            var row = await context.RelyingParties.AsNoTracking().SingleOrDefaultAsync(r => r.EntityId == entityId, cancellationToken).ConfigureAwait(false);
            return row is null ? null : PartyRows.ToRelyingParty(row);
        }
    }

    /// <summary>The IDP registered with <paramref name="entityId"/> (enabled or not), or null.</summary>
    public async Task<IdentityProvider?> GetIdentityProviderAsync(string entityId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entityId);
        var context = Database.CreateContext();
        await using (context.ConfigureAwait(false))
        {
            var row = await context.IdentityProviders.AsNoTracking().SingleOrDefaultAsync(i => i.EntityId == entityId, cancellationToken).ConfigureAwait(false);
            return row is null ? null : PartyRows.ToIdentityProvider(row);
        }
    }

    /// <summary>
    /// Everything, read in one transaction so the revision and the rows agree: the snapshot a hub node works from.
    /// A party whose stored metadata no longer reads is left out (fail closed) and named in
    /// <see cref="FederationSnapshot.Problems"/>, so one bad row cannot stop the hub.
    /// </summary>
    public async Task<FederationSnapshot> LoadSnapshotAsync(CancellationToken cancellationToken = default)
    {
        var context = Database.CreateContext();
        await using (context.ConfigureAwait(false))
        {
            var transaction = await context.Database.BeginTransactionAsync(IsolationLevel.RepeatableRead, cancellationToken).ConfigureAwait(false);
            await using (transaction.ConfigureAwait(false))
            {
                var revision = await ReadRevisionAsync(context, cancellationToken).ConfigureAwait(false);
                var rps = await context.RelyingParties.AsNoTracking().ToListAsync(cancellationToken).ConfigureAwait(false);
                var idps = await context.IdentityProviders.AsNoTracking().ToListAsync(cancellationToken).ConfigureAwait(false);
                var oidcIdps = await context.OidcIdentityProviders.AsNoTracking().ToListAsync(cancellationToken).ConfigureAwait(false);
                var oidcRps = await context.OidcRelyingParties.AsNoTracking().ToListAsync(cancellationToken).ConfigureAwait(false);
                var published = await LatestPublishedAsync(context, cancellationToken).ConfigureAwait(false);
                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
                return SnapshotLoader.Build(revision, rps, idps, published, TimeProvider, oidcIdps, oidcRps);
            }
        }
    }

    private static Task<long> ReadRevisionAsync(FederationDbContext context, CancellationToken cancellationToken) =>
        context.Revision.AsNoTracking()
            .Where(r => r.Id == FederationRevisionEntity.SingletonId)
            .Select(r => r.Revision)
            .SingleAsync(cancellationToken);

    private DateTimeOffset Now() => Registration.SettingsChecks.Instant(TimeProvider.GetUtcNow())!.Value;
}
