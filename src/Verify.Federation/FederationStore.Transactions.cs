using Microsoft.EntityFrameworkCore;

using Verify.Federation.Storage;
using Verify.Federation.Storage.Entities;

namespace Verify.Federation;

/// <summary>The one way the store writes: a transaction that bumps the revision first and commits only real changes.</summary>
public sealed partial class FederationStore
{
    /// <summary>
    /// Runs <paramref name="work"/> in a transaction. The revision is bumped first: its row lock serialises writers
    /// (PostgreSQL; SQLite has one writer anyway), so each writer sees what the previous one committed. When
    /// <paramref name="work"/> reports no change, everything is rolled back and the revision stays.
    /// </summary>
    private async Task WriteAsync(Func<FederationDbContext, Task<bool>> work, CancellationToken cancellationToken)
    {
        var context = Database.CreateContext();
        await using (context.ConfigureAwait(false))
        {
            var transaction = await context.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            await using (transaction.ConfigureAwait(false))
            {
                await context.Revision
                    .Where(r => r.Id == FederationRevisionEntity.SingletonId)
                    .ExecuteUpdateAsync(s => s.SetProperty(r => r.Revision, r => r.Revision + 1), cancellationToken)
                    .ConfigureAwait(false);
                if (!await work(context).ConfigureAwait(false))
                {
                    await transaction.RollbackAsync(cancellationToken).ConfigureAwait(false);
                    return;
                }

                await context.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>Finds one row and changes it; false when there is no such row.</summary>
    private async Task<bool> ChangeOneAsync<TRow>(
        Func<FederationDbContext, IQueryable<TRow>> find,
        Func<FederationDbContext, TRow, bool> change,
        string entityId,
        CancellationToken cancellationToken)
        where TRow : class
    {
        ArgumentNullException.ThrowIfNull(entityId);
        var found = false;
        await WriteAsync(
            async context =>
            {
                var row = await find(context).SingleOrDefaultAsync(cancellationToken).ConfigureAwait(false);
                found = row is not null;
                return row is not null && change(context, row);
            },
            cancellationToken).ConfigureAwait(false);
        return found;
    }
}
