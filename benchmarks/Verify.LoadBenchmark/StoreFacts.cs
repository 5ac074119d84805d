using Npgsql;

using StackExchange.Redis;

namespace Verify.LoadBenchmark;

/// <summary>
/// What the stores say, so the report shows what was on rather than what was configured: server versions, the audit
/// table's row count, and the hub's Redis keys by kind (replay-cache entries, journeys, rate-limit counters).
/// </summary>
internal static class StoreFacts
{
    public static async Task<string> PostgresVersionAsync(string connection)
    {
        var db = new NpgsqlConnection(connection);
        await using (db.ConfigureAwait(false))
        {
            await db.OpenAsync().ConfigureAwait(false);
            using var command = new NpgsqlCommand("SHOW server_version", db);
            return (string)(await command.ExecuteScalarAsync().ConfigureAwait(false))!;
        }
    }

    /// <summary>Rows in <c>audit_events</c>, or null when the table does not exist.</summary>
    public static async Task<long?> AuditEventsAsync(string connection)
    {
        var db = new NpgsqlConnection(connection);
        await using (db.ConfigureAwait(false))
        {
            await db.OpenAsync().ConfigureAwait(false);
            using var exists = new NpgsqlCommand("SELECT to_regclass('audit_events') IS NOT NULL", db);
            if (!(bool)(await exists.ExecuteScalarAsync().ConfigureAwait(false))!)
            {
                return null;
            }

            using var count = new NpgsqlCommand("SELECT count(*) FROM audit_events", db);
            return (long)(await count.ExecuteScalarAsync().ConfigureAwait(false))!;
        }
    }

    /// <summary>
    /// Transactions committed or rolled back in the hub's database so far (<c>pg_stat_database</c>: the server
    /// publishes its counters within about a second, so a 40 s phase is read to within a few percent).
    /// </summary>
    public static async Task<long> PostgresTransactionsAsync(string connection)
    {
        var db = new NpgsqlConnection(connection);
        await using (db.ConfigureAwait(false))
        {
            await db.OpenAsync().ConfigureAwait(false);
            using var command = new NpgsqlCommand(
                "SELECT xact_commit + xact_rollback FROM pg_stat_database WHERE datname = current_database()", db);
            return (long)(await command.ExecuteScalarAsync().ConfigureAwait(false))!;
        }
    }

    /// <summary>Calls so far per Redis command (<c>INFO commandstats</c>), e.g. <c>evalsha</c>, <c>hget</c>.</summary>
    public static async Task<IReadOnlyDictionary<string, long>> RedisCommandsAsync(string configuration)
    {
        using var redis = await ConnectionMultiplexer.ConnectAsync(configuration + ",allowAdmin=true").ConfigureAwait(false);
        var info = await redis.GetServers()[0].InfoAsync("commandstats").ConfigureAwait(false);
        var calls = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var (key, value) in info.SelectMany(g => g))
        {
            // cmdstat_hget: calls=123,usec=456,...
            var start = value.IndexOf("calls=", StringComparison.Ordinal);
            if (key.StartsWith("cmdstat_", StringComparison.Ordinal) && start >= 0)
            {
                var digits = value[(start + 6)..].TakeWhile(char.IsAsciiDigit).ToArray();
                calls[key["cmdstat_".Length..]] = long.Parse(digits, System.Globalization.CultureInfo.InvariantCulture);
            }
        }

        return calls;
    }

    public static async Task<string> RedisVersionAsync(string configuration)
    {
        using var redis = await ConnectionMultiplexer.ConnectAsync(configuration + ",allowAdmin=true").ConfigureAwait(false);
        var server = redis.GetServers()[0];
        var info = await server.InfoAsync("server").ConfigureAwait(false);
        return info.SelectMany(g => g).FirstOrDefault(p => p.Key == "redis_version").Value ?? "?";
    }

    /// <summary>Keys under each of <paramref name="prefixes"/> (SCAN, so the server is not blocked).</summary>
    public static async Task<IReadOnlyDictionary<string, long>> RedisKeysAsync(string configuration, params string[] prefixes)
    {
        using var redis = await ConnectionMultiplexer.ConnectAsync(configuration + ",allowAdmin=true").ConfigureAwait(false);
        var server = redis.GetServers()[0];
        var counts = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var prefix in prefixes)
        {
            long n = 0;
            await foreach (var _ in server.KeysAsync(pattern: prefix + "*", pageSize: 1000).ConfigureAwait(false))
            {
                n++;
            }

            counts[prefix] = n;
        }

        return counts;
    }
}
