using Verify.Testing.Infra;

namespace Verify.Cli.Tests;

/// <summary>Stops the PostgreSQL and Redis servers this test run started, if any.</summary>
[SetUpFixture]
public sealed class TestRunSetUp
{
    [OneTimeTearDown]
    public void StopServers() => TestServers.StopStarted();
}
