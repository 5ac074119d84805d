using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace Verify.Federation.Storage;

/// <summary>
/// The federation store's database on one provider: makes contexts (pooled) and applies that provider's migrations.
/// Everything above it — <see cref="FederationStore"/>, the importer, the snapshot — is provider-neutral.
/// </summary>
public sealed class FederationDatabase
{
    /// <summary>
    /// The federation store keeps its own migrations history, so it can share a database (the start-dev SQLite file)
    /// with the other stores without their migrations mixing.
    /// </summary>
    public const string MigrationsHistoryTable = "__federation_migrations";

    private readonly Func<FederationDbContext> _createContext;

    private FederationDatabase(FederationProvider provider, Func<FederationDbContext> createContext)
    {
        Provider = provider;
        _createContext = createContext;
    }

    /// <summary>The provider this store runs on.</summary>
    public FederationProvider Provider { get; }

    /// <summary>A store on <paramref name="provider"/> at <paramref name="connectionString"/> (not opened yet).</summary>
    public static FederationDatabase Create(FederationProvider provider, string connectionString)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        switch (provider)
        {
            case FederationProvider.Sqlite:
                var sqlite = new PooledDbContextFactory<SqliteFederationDbContext>(
                    new DbContextOptionsBuilder<SqliteFederationDbContext>()
                        .UseSqlite(connectionString, o => o.MigrationsHistoryTable(MigrationsHistoryTable)).Options);
                return new FederationDatabase(provider, sqlite.CreateDbContext);
            case FederationProvider.Postgres:
                var postgres = new PooledDbContextFactory<PostgresFederationDbContext>(
                    new DbContextOptionsBuilder<PostgresFederationDbContext>()
                        .UseNpgsql(connectionString, o => o.MigrationsHistoryTable(MigrationsHistoryTable)).Options);
                return new FederationDatabase(provider, postgres.CreateDbContext);
            default:
                throw new ArgumentOutOfRangeException(nameof(provider), provider, "Unknown federation store provider.");
        }
    }

    /// <summary>Reads "sqlite" or "postgres" (also "postgresql"), case-insensitively.</summary>
    public static bool TryParseProvider(string? value, out FederationProvider provider)
    {
        provider = FederationProvider.Sqlite;
        switch (value?.Trim().ToUpperInvariant())
        {
            case "SQLITE":
                return true;
            case "POSTGRES" or "POSTGRESQL":
                provider = FederationProvider.Postgres;
                return true;
            default:
                return false;
        }
    }

    /// <summary>A new context (from the pool); dispose it when done.</summary>
    public FederationDbContext CreateContext() => _createContext();

    /// <summary>The migrations this database has not had yet (production refuses to start until they are applied).</summary>
    public async Task<IReadOnlyList<string>> PendingMigrationsAsync(CancellationToken cancellationToken = default)
    {
        var context = CreateContext();
        await using (context.ConfigureAwait(false))
        {
            return [.. await context.Database.GetPendingMigrationsAsync(cancellationToken).ConfigureAwait(false)];
        }
    }

    /// <summary>Creates the database if needed and applies this provider's migrations.</summary>
    public async Task MigrateAsync(CancellationToken cancellationToken = default)
    {
        var context = CreateContext();
        await using (context.ConfigureAwait(false))
        {
            await context.Database.MigrateAsync(cancellationToken).ConfigureAwait(false);
            if (Provider == FederationProvider.Sqlite)
            {
                // Write-ahead logging lets hub nodes read while the CLI writes; the setting is kept in the file.
                await context.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken).ConfigureAwait(false);
            }
        }
    }
}
