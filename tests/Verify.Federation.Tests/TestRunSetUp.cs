using Verify.Federation.Tests.Support;

namespace Verify.Federation.Tests;

/// <summary>Run-wide set-up for every test in the assembly: stops the PostgreSQL server the run started.</summary>
[SetUpFixture]
public sealed class TestRunSetUp
{
    [OneTimeTearDown]
    public void StopPostgres() => PostgresServer.StopIfStarted();
}
