using System.Data.Common;

using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

using Npgsql;

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

    private static readonly string AppendSql =
        $"INSERT INTO {AuditDbContext.TableName} (sequence, event_id, event_type, occurred_at, event_json, previous_hash, hash) "
        + "SELECT head.sequence + 1, $1, $2, $3, $4, head.hash, "
        + "encode(sha256(decode(head.hash, 'hex') || int8send(head.sequence + 1) || convert_to($4, 'UTF8')), 'hex') "
        + $"FROM ((SELECT sequence, hash FROM {AuditDbContext.TableName} ORDER BY sequence DESC LIMIT 1) "
        + $"UNION ALL (SELECT 0::bigint, '{AuditChainHash.Genesis}')) AS head "
        + "ORDER BY head.sequence DESC LIMIT 1";

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
            if (_database.Provider == AuditProvider.Postgres)
            {
                await AppendPostgresAsync(auditEvent, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                await AppendCoreAsync(auditEvent, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The issue: if the audit write fails, the journey does not proceed; one exception type tells the caller so.
            throw new AuditWriteException($"The {auditEvent.EventType} audit event was not written: {ex.Message}", ex);
        }
    }

    /// <summary>
    /// PostgreSQL in one round trip: a batch runs in one implicit transaction, so the advisory lock taken by its first
    /// statement is held while the second reads the head (in a new snapshot: read committed) and inserts the next row
    /// with its hash computed by the server exactly as <see cref="AuditChainHash.Compute"/> does. Same chain, same lock
    /// as the EF Core path, without five round trips and a change tracker on the hub's hot path.
    /// </summary>
    private async Task AppendPostgresAsync(AuditEvent auditEvent, CancellationToken cancellationToken)
    {
        var json = AuditJson.Canonical(auditEvent);
        var connection = new NpgsqlConnection(_database.ConnectionString);
        await using (connection.ConfigureAwait(false))
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            var batch = new NpgsqlBatch(connection)
            {
                BatchCommands =
                {
                    new NpgsqlBatchCommand($"SELECT pg_advisory_xact_lock({AppendLockKey})"),
                    new NpgsqlBatchCommand(AppendSql)
                    {
                        // Positional ($1 … $4, in this order): Npgsql sends the statement as it is, without parsing it for names.
                        Parameters =
                        {
                            new NpgsqlParameter<Guid> { TypedValue = auditEvent.Stamp.EventId },
                            new NpgsqlParameter<string> { TypedValue = auditEvent.EventType },
                            new NpgsqlParameter<DateTimeOffset> { TypedValue = auditEvent.Stamp.OccurredAt },
                            new NpgsqlParameter<string> { TypedValue = json },
                        },
                    },
                },
            };
            await using (batch.ConfigureAwait(false))
            {
                var inserted = await batch.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                if (inserted != 1)
                {
                    throw new InvalidOperationException($"The append inserted {inserted} rows.");
                }
            }
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
