namespace Verify.Testing.Infra;

/// <summary>
/// The real PostgreSQL and Redis servers a test needs (ARCHITECTURE.md: real stores in tests): the ones named by
/// <c>VERIFY_TEST_POSTGRES</c> (a connection string) and <c>VERIFY_TEST_REDIS</c> (host:port), as <c>./test.sh</c>
/// sets them, else started once per process by <c>tests/infra/*.sh</c> (which install them if missing) and stopped
/// by <see cref="StopStarted"/>. Never skipped: a missing server fails the test.
/// </summary>
public static class TestServers
{
    private static readonly Lock Gate = new();
    private static string? _postgres;
    private static string? _redis;
    private static string? _postgresFolder;
    private static string? _redisPort;

    /// <summary>A connection string of a database whose user may create databases.</summary>
    public static string Postgres
    {
        get
        {
            lock (Gate)
            {
                return _postgres ??= Environment.GetEnvironmentVariable("VERIFY_TEST_POSTGRES") is { Length: > 0 } set ? set : StartPostgres();
            }
        }
    }

    /// <summary>A Redis endpoint, host:port.</summary>
    public static string Redis
    {
        get
        {
            lock (Gate)
            {
                return _redis ??= Environment.GetEnvironmentVariable("VERIFY_TEST_REDIS") is { Length: > 0 } set ? set : StartRedis();
            }
        }
    }

    /// <summary>Stops the servers this process started.</summary>
    public static void StopStarted()
    {
        lock (Gate)
        {
            if (_postgresFolder is not null)
            {
                ExternalProcess.Run("bash", [RepoPaths.Combine("tests", "infra", "postgres.sh"), "stop", _postgresFolder]);
                _postgresFolder = _postgres = null;
            }

            if (_redisPort is not null)
            {
                ExternalProcess.Run("bash", [RepoPaths.Combine("tests", "infra", "redis.sh"), "stop", _redisPort]);
                _redisPort = _redis = null;
            }
        }
    }

    private static string StartPostgres()
    {
        var folder = RepoPaths.Combine(".test-run", $"postgres-{Environment.ProcessId}");
        var result = ExternalProcess.Run("bash", [RepoPaths.Combine("tests", "infra", "postgres.sh"), "start", folder], timeout: TimeSpan.FromMinutes(10));
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException($"tests/infra/postgres.sh start failed: {result}");
        }

        _postgresFolder = folder;
        return result.StandardOutput.Trim().Split('\n')[^1].Trim();
    }

    private static string StartRedis()
    {
        var result = ExternalProcess.Run("bash", [RepoPaths.Combine("tests", "infra", "redis.sh"), "start"], timeout: TimeSpan.FromMinutes(10));
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException($"tests/infra/redis.sh start failed: {result}");
        }

        var endpoint = result.StandardOutput.Trim().Split('\n')[^1].Trim();
        _redisPort = endpoint.Split(':')[^1];
        return endpoint;
    }
}
