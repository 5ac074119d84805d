using Verify.Testing.Infra;

namespace Verify.MatchingService.Tests;

/// <summary>Run-wide set-up: stops the PostgreSQL server the run started, if it started one.</summary>
[SetUpFixture]
public sealed class TestRunSetUp
{
    [OneTimeTearDown]
    public void StopServers() => TestServers.StopStarted();
}
