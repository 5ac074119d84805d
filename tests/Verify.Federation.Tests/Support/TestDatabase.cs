using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

using Npgsql;

using Verify.Federation.Storage;

namespace Verify.Federation.Tests.Support;

/// <summary>
/// A fresh, migrated federation store for one fixture: a temporary SQLite file, or a new database on the test
/// PostgreSQL server. <see cref="ClearAsync"/> empties it between tests (the revision row stays).
/// </summary>
internal sealed class TestDatabase
{
    private readonly string? _sqliteFile;

    private TestDatabase(FederationStore store, string connectionString, string? sqliteFile)
    {
        Store = store;
        ConnectionString = connectionString;
        _sqliteFile = sqliteFile;
    }

    public FederationStore Store { get; }

    public string ConnectionString { get; }

    public static async Task<TestDatabase> CreateAsync(FederationProvider provider, TimeProvider clock)
    {
        string connection;
        string? file = null;
        if (provider == FederationProvider.Sqlite)
        {
            file = Path.Combine(Path.GetTempPath(), $"verify-federation-test-{Guid.NewGuid():N}.db");
            connection = $"Data Source={file}";
        }
        else
        {
            connection = new NpgsqlConnectionStringBuilder(PostgresServer.ConnectionString) { Database = $"verify_federation_{Guid.NewGuid():N}" }.ConnectionString;
        }

        var database = new TestDatabase(FederationStore.Create(provider, connection, clock), connection, file);
        await database.Store.MigrateAsync();
        return database;
    }

    public async Task ClearAsync()
    {
        await using var context = Store.Database.CreateContext();
        await context.RelyingParties.ExecuteDeleteAsync();
        await context.IdentityProviders.ExecuteDeleteAsync();
        await context.PublishedMetadata.ExecuteDeleteAsync();
        await context.OidcIdentityProviders.ExecuteDeleteAsync();
        await context.OidcRelyingParties.ExecuteDeleteAsync();
    }

    public async Task DeleteAsync()
    {
        if (_sqliteFile is not null)
        {
            SqliteConnection.ClearAllPools();
            foreach (var path in new[] { _sqliteFile, _sqliteFile + "-wal", _sqliteFile + "-shm" }.Where(File.Exists))
            {
                File.Delete(path);
            }

            return;
        }

        await using var context = Store.Database.CreateContext();
        NpgsqlConnection.ClearAllPools();
        await context.Database.EnsureDeletedAsync();
    }
}
