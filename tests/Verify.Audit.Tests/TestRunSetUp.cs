using Verify.Testing.Infra;

namespace Verify.Audit.Tests;

/// <summary>Run-wide set-up for every test in the assembly: stops the PostgreSQL server the run started, if any.</summary>
[SetUpFixture]
public sealed class TestRunSetUp
{
    [OneTimeTearDown]
    public void StopServers() => TestServers.StopStarted();
}
