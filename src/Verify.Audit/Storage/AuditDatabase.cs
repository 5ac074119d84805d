using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace Verify.Audit.Storage;

/// <summary>
/// The audit trail's database on one provider: makes contexts (pooled), applies that provider's migrations (the
/// table and its append-only triggers) and, on PostgreSQL, the append-only grants for the application's role.
/// </summary>
public sealed partial class AuditDatabase
{
    /// <summary>
    /// The audit trail keeps its own migrations history, so it can share a database (the start-dev SQLite file) with the
    /// other stores without their migrations mixing.
    /// </summary>
    public const string MigrationsHistoryTable = "__audit_migrations";

    /// <summary>The start-dev database: the SQLite file the other start-dev stores use (own table, own history).</summary>
    public const string DefaultSqliteConnection = "Data Source=verify-dev.db";

    private readonly Func<AuditDbContext> _createContext;

    private AuditDatabase(AuditProvider provider, string connectionString, Func<AuditDbContext> createContext)
    {
        Provider = provider;
        ConnectionString = connectionString;
        _createContext = createContext;
    }

    /// <summary>The provider this database runs on.</summary>
    public AuditProvider Provider { get; }

    /// <summary>The connection string (the sink's PostgreSQL append path uses it without EF Core).</summary>
    internal string ConnectionString { get; }

    /// <summary>The audit database on <paramref name="provider"/> at <paramref name="connectionString"/> (not opened yet).</summary>
    public static AuditDatabase Create(AuditProvider provider, string connectionString)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        switch (provider)
        {
            case AuditProvider.Sqlite:
                var sqlite = new PooledDbContextFactory<SqliteAuditDbContext>(
                    new DbContextOptionsBuilder<SqliteAuditDbContext>()
                        .UseSqlite(connectionString, o => o.MigrationsHistoryTable(MigrationsHistoryTable)).Options);
                return new AuditDatabase(provider, connectionString, sqlite.CreateDbContext);
            case AuditProvider.Postgres:
                var postgres = new PooledDbContextFactory<PostgresAuditDbContext>(
                    new DbContextOptionsBuilder<PostgresAuditDbContext>()
                        .UseNpgsql(connectionString, o => o.MigrationsHistoryTable(MigrationsHistoryTable)).Options);
                return new AuditDatabase(provider, connectionString, postgres.CreateDbContext);
            default:
                throw new ArgumentOutOfRangeException(nameof(provider), provider, "Unknown audit database provider.");
        }
    }

    /// <summary>Reads "sqlite" or "postgres" (also "postgresql"), case-insensitively.</summary>
    public static bool TryParseProvider(string? value, out AuditProvider provider)
    {
        provider = AuditProvider.Sqlite;
        switch (value?.Trim().ToUpperInvariant())
        {
            case "SQLITE":
                return true;
            case "POSTGRES" or "POSTGRESQL":
                provider = AuditProvider.Postgres;
                return true;
            default:
                return false;
        }
    }

    /// <summary>
    /// Creates the database if needed and applies this provider's migrations: the table and the triggers that refuse
    /// UPDATE and DELETE (and TRUNCATE on PostgreSQL). Run it with the owner role, once per release.
    /// </summary>
    public async Task MigrateAsync(CancellationToken cancellationToken = default)
    {
        var context = CreateContext();
        await using (context.ConfigureAwait(false))
        {
            await context.Database.MigrateAsync(cancellationToken).ConfigureAwait(false);
            if (Provider == AuditProvider.Sqlite)
            {
                // Write-ahead logging lets the verifier read while hub nodes append; the setting is kept in the file.
                await context.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>The migrations not yet applied (a node refuses to start while any are: the owner applies them).</summary>
    public async Task<IReadOnlyList<string>> PendingMigrationsAsync(CancellationToken cancellationToken = default)
    {
        var context = CreateContext();
        await using (context.ConfigureAwait(false))
        {
            return [.. await context.Database.GetPendingMigrationsAsync(cancellationToken).ConfigureAwait(false)];
        }
    }

    /// <summary>A new context (from the pool); dispose it when done.</summary>
    internal AuditDbContext CreateContext() => _createContext();
}
