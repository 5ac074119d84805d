using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace Verify.Matching.Storage;

/// <summary>
/// A departmental records store on one provider: makes contexts (pooled) and applies that provider's
/// migrations. Everything above it — writer, importer, engine — is provider-neutral.
/// </summary>
public sealed class MatchingDatabase
{
    /// <summary>
    /// The records store keeps its own migrations history, so it can share a database (the start-dev SQLite
    /// file) with the other stores without their migrations mixing.
    /// </summary>
    public const string MigrationsHistoryTable = "__matching_migrations";

    private readonly Func<MatchingDbContext> _createContext;

    private MatchingDatabase(MatchingProvider provider, Func<MatchingDbContext> createContext)
    {
        Provider = provider;
        _createContext = createContext;
    }

    /// <summary>The provider this store runs on.</summary>
    public MatchingProvider Provider { get; }

    /// <summary>A store on <paramref name="provider"/> at <paramref name="connectionString"/> (not opened yet).</summary>
    public static MatchingDatabase Create(MatchingProvider provider, string connectionString)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        switch (provider)
        {
            case MatchingProvider.Sqlite:
                var sqlite = new PooledDbContextFactory<SqliteMatchingDbContext>(
                    new DbContextOptionsBuilder<SqliteMatchingDbContext>()
                        .UseSqlite(connectionString, o => o.MigrationsHistoryTable(MigrationsHistoryTable)).Options);
                return new MatchingDatabase(provider, sqlite.CreateDbContext);
            case MatchingProvider.Postgres:
                var postgres = new PooledDbContextFactory<PostgresMatchingDbContext>(
                    new DbContextOptionsBuilder<PostgresMatchingDbContext>()
                        .UseNpgsql(connectionString, o => o.MigrationsHistoryTable(MigrationsHistoryTable)).Options);
                return new MatchingDatabase(provider, postgres.CreateDbContext);
            default:
                throw new ArgumentOutOfRangeException(nameof(provider), provider, "Unknown matching store provider.");
        }
    }

    /// <summary>Reads "sqlite" or "postgres" (also "postgresql"), case-insensitively.</summary>
    public static bool TryParseProvider(string? value, out MatchingProvider provider)
    {
        provider = MatchingProvider.Sqlite;
        switch (value?.Trim().ToUpperInvariant())
        {
            case "SQLITE":
                return true;
            case "POSTGRES" or "POSTGRESQL":
                provider = MatchingProvider.Postgres;
                return true;
            default:
                return false;
        }
    }

    /// <summary>A new context (from the pool); dispose it when done.</summary>
    public MatchingDbContext CreateContext() => _createContext();

    /// <summary>Creates the database if needed and applies this provider's migrations.</summary>
    public async Task MigrateAsync(CancellationToken cancellationToken = default)
    {
        var context = CreateContext();
        await using (context.ConfigureAwait(false))
        {
            await context.Database.MigrateAsync(cancellationToken).ConfigureAwait(false);
            if (Provider == MatchingProvider.Sqlite)
            {
                // Write-ahead logging lets matches read while an import writes; the setting is kept in the file.
                await context.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken).ConfigureAwait(false);
            }
        }
    }
}
