using System.Runtime.CompilerServices;

using Microsoft.EntityFrameworkCore;

using Verify.Audit.Chain;

namespace Verify.Audit.Storage;

/// <summary>The stored chain on SQLite or PostgreSQL, read for checkpoints and verification. It never writes.</summary>
public sealed class DatabaseAuditChain : IAuditChain
{
    private readonly AuditDatabase _database;

    /// <summary>The chain stored in <paramref name="database"/>.</summary>
    public DatabaseAuditChain(AuditDatabase database)
    {
        ArgumentNullException.ThrowIfNull(database);
        _database = database;
    }

    /// <inheritdoc />
    public async Task<AuditChainHead> GetHeadAsync(CancellationToken cancellationToken = default)
    {
        var context = _database.CreateContext();
        await using (context.ConfigureAwait(false))
        {
            return await context.Events.AsNoTracking()
                .OrderByDescending(e => e.Sequence)
                .Select(e => new AuditChainHead(e.Sequence, e.Hash))
                .FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false) ?? AuditChainHead.Empty;
        }
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<AuditRecord> ReadAsync(long fromSequence = 1, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var context = _database.CreateContext();
        await using (context.ConfigureAwait(false))
        {
            var rows = context.Events.AsNoTracking()
                .Where(e => e.Sequence >= fromSequence)
                .OrderBy(e => e.Sequence)
                .AsAsyncEnumerable()
                .WithCancellation(cancellationToken)
                .ConfigureAwait(false);
            await foreach (var row in rows)
            {
                yield return new AuditRecord(row.Sequence, row.EventType, row.EventId, row.OccurredAt, row.EventJson, row.PreviousHash, row.Hash);
            }
        }
    }
}
