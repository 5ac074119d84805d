using System.Text;

using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

using Npgsql;

using Verify.Matching.Engine;
using Verify.Matching.Import;
using Verify.Matching.Storage;
using Verify.Testing.Infra;

namespace Verify.MatchingService.Tests.Support;

/// <summary>A fresh, migrated departmental records store: a temporary SQLite file, or a new database on the test PostgreSQL server.</summary>
internal sealed class RecordStore : IAsyncDisposable
{
    private readonly string? _sqliteFile;

    private RecordStore(MatchingDatabase database, string? sqliteFile)
    {
        Database = database;
        _sqliteFile = sqliteFile;
    }

    public MatchingDatabase Database { get; }

    public static async Task<RecordStore> CreateAsync(MatchingProvider provider, string records, TimeProvider clock)
    {
        RecordStore store;
        if (provider == MatchingProvider.Sqlite)
        {
            var file = Path.Combine(Path.GetTempPath(), $"verify-msa-test-{Guid.NewGuid():N}.db");
            store = new RecordStore(MatchingDatabase.Create(provider, $"Data Source={file}"), file);
        }
        else
        {
            var builder = new NpgsqlConnectionStringBuilder(TestServers.Postgres) { Database = $"verify_msa_{Guid.NewGuid():N}" };
            store = new RecordStore(MatchingDatabase.Create(provider, builder.ConnectionString), null);
        }

        await store.Database.MigrateAsync();
        if (records.Length > 0)
        {
            var result = await new RecordImporter(store.Database, new MatchingOptions(), clock)
                .ImportAsync(() => new MemoryStream(Encoding.UTF8.GetBytes(records)));
            Assert.That(result.Errors, Is.Empty, "The test records import.");
        }

        return store;
    }

    /// <summary>How many hashed PIDs are linked to records (cycle 0).</summary>
    public async Task<int> CountLinksAsync()
    {
        await using var context = Database.CreateContext();
        return await context.Database.SqlQueryRaw<int>("SELECT COUNT(*) AS \"Value\" FROM pid_links").SingleAsync();
    }

    /// <summary>The record a hashed PID is linked to, or null.</summary>
    public async Task<string?> LinkedRecordAsync(string hashedPid)
    {
        await using var context = Database.CreateContext();
        return await context.Database
            .SqlQuery<string>($"SELECT r.record_id AS \"Value\" FROM pid_links l JOIN records r ON r.id = l.record_key WHERE l.hashed_pid = {hashedPid}")
            .SingleOrDefaultAsync();
    }

    public async Task<int> CountRecordsAsync()
    {
        await using var context = Database.CreateContext();
        return await context.Database.SqlQueryRaw<int>("SELECT COUNT(*) AS \"Value\" FROM records").SingleAsync();
    }

    public async ValueTask DisposeAsync()
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
