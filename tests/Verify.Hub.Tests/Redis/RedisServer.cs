using StackExchange.Redis;

using Verify.Testing;

namespace Verify.Hub.Tests.Redis;

/// <summary>
/// A real Redis for the tests in this namespace: the one named by <c>VERIFY_TEST_REDIS</c> (host:port), or one
/// started by <c>tests/infra/redis.sh</c> (which installs redis-server if missing) and stopped at the end. The tests
/// are never skipped for want of a server.
/// </summary>
[SetUpFixture]
public sealed class RedisServer
{
    private static string? s_started;

    public static ConnectionMultiplexer Connection { get; private set; } = null!;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        var endpoint = Environment.GetEnvironmentVariable("VERIFY_TEST_REDIS");
        if (string.IsNullOrWhiteSpace(endpoint))
        {
            var result = ExternalProcess.Run(
                "bash", [RepoPaths.Combine("tests", "infra", "redis.sh"), "start"], timeout: TimeSpan.FromMinutes(10));
            if (result.ExitCode != 0)
            {
                throw new InvalidOperationException($"tests/infra/redis.sh start failed: {result}");
            }

            endpoint = s_started = result.StandardOutput.Trim().Split('\n')[^1].Trim();
        }

        Connection = await ConnectionMultiplexer.ConnectAsync(endpoint + ",abortConnect=false,connectTimeout=5000");
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        if (Connection is not null)
        {
            await Connection.DisposeAsync();
        }

        if (s_started is not null)
        {
            ExternalProcess.Run("bash", [RepoPaths.Combine("tests", "infra", "redis.sh"), "stop", s_started]);
        }
    }
}
