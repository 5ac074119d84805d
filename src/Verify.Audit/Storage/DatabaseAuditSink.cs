using System.Data.Common;

using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

using Verify.Audit.Chain;
using Verify.Audit.Storage.Entities;

namespace Verify.Audit.Storage;

/// <summary>
/// The audit sink on SQLite or PostgreSQL. Each append runs in its own transaction that first takes the chain's write
/// lock, then reads the head and inserts the next row, so several hub nodes appending at once still build one chain
/// without gaps or forks. Thread-safe: each append uses its own pooled context.
/// </summary>
/// <remarks>
/// The lock is <c>pg_advisory_xact_lock</c> on PostgreSQL (held until commit or rollback, so a crashed writer cannot
/// leave it taken) and a <c>BEGIN IMMEDIATE</c> transaction on SQLite (the database's one write lock, taken before the
/// head is read). The primary key on the sequence number is the backstop: a writer that skipped the lock fails on a
/// duplicate sequence rather than forking the chain.
/// </remarks>
public sealed class DatabaseAuditSink : IAuditSink
{
    /// <summary>The PostgreSQL advisory lock key that serialises appends ("VERIFYAU" in ASCII).</summary>
    public const long AppendLockKey = 0x5645_5249_4659_4155;

    private readonly AuditDatabase _database;

    /// <summary>A sink that appends to <paramref name="database"/> (migrated by the operator beforehand).</summary>
    public DatabaseAuditSink(AuditDatabase database)
    {
        ArgumentNullException.ThrowIfNull(database);
        _database = database;
    }

    /// <inheritdoc />
    public async Task AppendAsync(AuditEvent auditEvent, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(auditEvent);
        try
        {
            await AppendCoreAsync(auditEvent, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The issue: if the audit write fails, the journey does not proceed; one exception type tells the caller so.
            throw new AuditWriteException($"The {auditEvent.EventType} audit event was not written: {ex.Message}", ex);
        }
    }

    private async Task AppendCoreAsync(AuditEvent auditEvent, CancellationToken cancellationToken)
    {
        var json = AuditJson.Canonical(auditEvent);
        var context = _database.CreateContext();
        await using (context.ConfigureAwait(false))
        {
            await context.Database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            var transaction = await BeginLockedAsync(context, cancellationToken).ConfigureAwait(false);
            await using (transaction.ConfigureAwait(false))
            {
                var head = await context.Events.AsNoTracking()
                    .OrderByDescending(e => e.Sequence)
                    .Select(e => new AuditChainHead(e.Sequence, e.Hash))
                    .FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false) ?? AuditChainHead.Empty;
                var sequence = head.Sequence + 1;
                context.Events.Add(new AuditEventEntity
                {
                    Sequence = sequence,
                    EventId = auditEvent.Stamp.EventId,
                    EventType = auditEvent.EventType,
                    OccurredAt = auditEvent.Stamp.OccurredAt,
                    EventJson = json,
                    PreviousHash = head.Hash,
                    Hash = AuditChainHash.Compute(head.Hash, sequence, json),
                });
                await context.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>A transaction on the context's open connection that holds the chain's write lock; the caller disposes it.</summary>
    private static async Task<DbTransaction> BeginLockedAsync(AuditDbContext context, CancellationToken cancellationToken)
    {
        var connection = context.Database.GetDbConnection();
        if (connection is SqliteConnection sqlite)
        {
            // SQLite: BEGIN IMMEDIATE takes the write lock now, not at the first write, so no other writer can read the
            // same head in between (a deferred transaction would fail with SQLITE_BUSY on upgrade instead of waiting).
            var immediate = sqlite.BeginTransaction(deferred: false);
            await context.Database.UseTransactionAsync(immediate, cancellationToken).ConfigureAwait(false);
            return immediate;
        }

        var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await context.Database.UseTransactionAsync(transaction, cancellationToken).ConfigureAwait(false);
        // PostgreSQL: one transaction-scoped advisory lock for the whole chain, released at commit or rollback, so a
        // crashed writer cannot leave it taken.
        await context.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({AppendLockKey})", cancellationToken).ConfigureAwait(false);
        return transaction;
    }
}
