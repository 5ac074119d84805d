using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

using Npgsql;

using Verify.Matching.Storage;

namespace Verify.Matching.Tests.Support;

/// <summary>
/// A fresh, migrated records store for one fixture: a temporary SQLite file, or a new database on the
/// test PostgreSQL server. <see cref="ClearAsync"/> empties it between tests.
/// </summary>
internal sealed class TestStore
{
    private readonly string? _sqliteFile;

    private TestStore(MatchingDatabase database, string? sqliteFile)
    {
        Database = database;
        _sqliteFile = sqliteFile;
    }

    public MatchingDatabase Database { get; }

    public static async Task<TestStore> CreateAsync(MatchingProvider provider)
    {
        TestStore store;
        if (provider == MatchingProvider.Sqlite)
        {
            var file = Path.Combine(Path.GetTempPath(), $"verify-matching-test-{Guid.NewGuid():N}.db");
            store = new TestStore(MatchingDatabase.Create(provider, $"Data Source={file}"), file);
        }
        else
        {
            var builder = new NpgsqlConnectionStringBuilder(PostgresServer.ConnectionString)
            {
                Database = $"verify_matching_{Guid.NewGuid():N}",
            };
            store = new TestStore(MatchingDatabase.Create(provider, builder.ConnectionString), null);
        }

        await store.Database.MigrateAsync();
        return store;
    }

    public async Task ClearAsync()
    {
        await using var context = Database.CreateContext();
        await context.PidLinks.ExecuteDeleteAsync();
        await context.Identifiers.ExecuteDeleteAsync();
        await context.Addresses.ExecuteDeleteAsync();
        await context.Names.ExecuteDeleteAsync();
        await context.Records.ExecuteDeleteAsync();
    }

    public async Task<int> CountRecordsAsync()
    {
        await using var context = Database.CreateContext();
        return await context.Records.CountAsync();
    }

    public async Task<int> CountLinksAsync()
    {
        await using var context = Database.CreateContext();
        return await context.PidLinks.CountAsync();
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

        await using var context = Database.CreateContext();
        NpgsqlConnection.ClearAllPools();
        await context.Database.EnsureDeletedAsync();
    }
}
