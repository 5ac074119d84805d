using System.Data.Common;

using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

using Npgsql;

using Verify.Audit.Chain;
using Verify.Audit.Storage;
using Verify.Testing.Infra;

namespace Verify.Audit.Tests.Support;

/// <summary>
/// A fresh audit database for one test: a temporary SQLite file, or a new database on the test PostgreSQL server,
/// migrated unless asked not to. Raw SQL runs as the owner (the "verify" user on PostgreSQL), as an attacker or the
/// operator would.
/// </summary>
internal sealed class TestDatabase : IAsyncDisposable
{
    private TestDatabase(AuditProvider provider, string connectionString)
    {
        Provider = provider;
        ConnectionString = connectionString;
        Database = AuditDatabase.Create(provider, connectionString);
    }

    public AuditProvider Provider { get; }

    public string ConnectionString { get; }

    public AuditDatabase Database { get; }

    public static async Task<TestDatabase> CreateAsync(AuditProvider provider, bool migrate = true)
    {
        var database = provider == AuditProvider.Sqlite
            ? new TestDatabase(provider, $"Data Source={SqliteFile()}")
            : new TestDatabase(provider, new NpgsqlConnectionStringBuilder(TestServers.Postgres) { Database = $"verify_audit_{Guid.NewGuid():N}" }.ConnectionString);
        if (migrate)
        {
            await database.Database.MigrateAsync();
        }

        return database;

        static string SqliteFile() => Path.Combine(Path.GetTempPath(), $"verify-audit-test-{Guid.NewGuid():N}.db");
    }

    /// <summary>Another database object over the same database, as a second hub node would have.</summary>
    public AuditDatabase OpenAnother() => AuditDatabase.Create(Provider, ConnectionString);

    /// <summary>A connection as the owner, opened.</summary>
    public async Task<DbConnection> OpenConnectionAsync(string? connectionString = null)
    {
        DbConnection connection = Provider == AuditProvider.Sqlite
            ? new SqliteConnection(connectionString ?? ConnectionString)
            : new NpgsqlConnection(connectionString ?? ConnectionString);
        await connection.OpenAsync();
        return connection;
    }

    /// <summary>Runs one statement as the owner; <c>@name</c> parameters.</summary>
    public async Task<int> ExecuteAsync(string sql, params (string Name, object Value)[] parameters)
    {
        await using var connection = await OpenConnectionAsync();
        return await ExecuteAsync(connection, sql, parameters);
    }

    public static async Task<int> ExecuteAsync(DbConnection connection, string sql, params (string Name, object Value)[] parameters)
    {
        await using var command = connection.CreateCommand();
#pragma warning disable CA2100 // Test SQL, written by the tests themselves.
        command.CommandText = sql;
#pragma warning restore CA2100
        foreach (var (name, value) in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value;
            command.Parameters.Add(parameter);
        }

        return await command.ExecuteNonQueryAsync();
    }

    /// <summary>
    /// Runs <paramref name="work"/> as the owner with the append-only triggers out of the way, as an attacker with the
    /// owner's rights would: disabled on PostgreSQL, dropped and re-created on SQLite.
    /// </summary>
    public async Task WithoutTriggersAsync(Func<DbConnection, Task> work)
    {
        await using var connection = await OpenConnectionAsync();
        if (Provider == AuditProvider.Postgres)
        {
            await ExecuteAsync(connection, "ALTER TABLE audit_events DISABLE TRIGGER USER");
            await work(connection);
            await ExecuteAsync(connection, "ALTER TABLE audit_events ENABLE TRIGGER USER");
            return;
        }

        var triggers = new List<(string Name, string Sql)>();
        await using (var read = connection.CreateCommand())
        {
            read.CommandText = "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'audit_events'";
            await using var reader = await read.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                triggers.Add((reader.GetString(0), reader.GetString(1)));
            }
        }

        Assert.That(triggers, Has.Count.EqualTo(2), "the migration's two triggers");
        foreach (var (name, _) in triggers)
        {
            await ExecuteAsync(connection, $"DROP TRIGGER {name}");
        }

        await work(connection);
        foreach (var (_, sql) in triggers)
        {
            await ExecuteAsync(connection, sql);
        }
    }

    /// <summary>Every stored row, as the chain reads them.</summary>
    public async Task<List<AuditRecord>> ReadAllAsync()
    {
        var rows = new List<AuditRecord>();
        await foreach (var row in new DatabaseAuditChain(Database).ReadAsync())
        {
            rows.Add(row);
        }

        return rows;
    }

    public async ValueTask DisposeAsync()
    {
        if (Provider == AuditProvider.Sqlite)
        {
            SqliteConnection.ClearAllPools();
            var file = new SqliteConnectionStringBuilder(ConnectionString).DataSource;
            foreach (var path in new[] { file, file + "-wal", file + "-shm" }.Where(File.Exists))
            {
                File.Delete(path);
            }

            return;
        }

        NpgsqlConnection.ClearAllPools();
        await using var context = Database.CreateContext();
        await context.Database.EnsureDeletedAsync();
    }
}
