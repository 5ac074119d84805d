using Verify.Testing;

namespace Verify.Federation.Tests.Support;

/// <summary>
/// The PostgreSQL server for this test run: <c>VERIFY_TEST_POSTGRES</c> (a connection string) when set,
/// else one started by <c>tests/infra/postgres.sh</c> on first use (it installs PostgreSQL if missing) and
/// stopped when the run ends (<see cref="TestRunSetUp"/>). Never skipped: a missing server is a failure, not a pass.
/// </summary>
internal static class PostgresServer
{
    /// <summary>The variable that names an existing server's connection string.</summary>
    public const string EnvironmentVariable = "VERIFY_TEST_POSTGRES";

    private static readonly Lock Gate = new();
    private static string? _connectionString;
    private static string? _startedIn;

    /// <summary>The connection string of a database the "verify" user owns, with the right to create databases.</summary>
    public static string ConnectionString
    {
        get
        {
            lock (Gate)
            {
                return _connectionString ??= Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } fromEnvironment
                    ? fromEnvironment
                    : Start();
            }
        }
    }

    /// <summary>Stops the server this run started, if any.</summary>
    public static void StopIfStarted()
    {
        lock (Gate)
        {
            if (_startedIn is not null)
            {
                ExternalProcess.Run("bash", [Script, "stop", _startedIn]);
                _startedIn = null;
                _connectionString = null;
            }
        }
    }

    private static string Script => RepoPaths.Combine("tests", "infra", "postgres.sh");

    private static string Start()
    {
        var folder = RepoPaths.Combine(".test-run", $"postgres-federation-{Environment.ProcessId}");
        var result = ExternalProcess.Run("bash", [Script, "start", folder], timeout: TimeSpan.FromMinutes(10));
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException($"tests/infra/postgres.sh start failed ({result.ExitCode}): {result.StandardError}");
        }

        _startedIn = folder;
        return result.StandardOutput.Trim().Split('\n')[^1].Trim();
    }
}
