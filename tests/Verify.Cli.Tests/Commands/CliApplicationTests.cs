using Verify.Cli.Tests.Support;

namespace Verify.Cli.Tests.Commands;

/// <summary>The root command: composition, help and errors.</summary>
[TestFixture]
public sealed class CliApplicationTests
{
    [Test]
    public void RootCommand_OffersThePkiCommand()
    {
        var root = CliApplication.CreateDefault(TimeProvider.System).BuildRootCommand();

        Assert.That(root.Subcommands.Select(command => command.Name), Does.Contain("pki"));
    }

    [Test]
    public void Help_ListsPkiSampleAndItsOptions()
    {
        var run = CliRun.InProcess("pki", "sample", "--help");

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Success));
        Assert.That(run.Output, Does.Contain("--out").And.Contain("--force"));
    }

    [Test]
    public void UnknownCommand_ExitsNonZeroWithTheErrorOnStderr()
    {
        var run = CliRun.InProcess("no-such-command");

        Assert.That(run.ExitCode, Is.Not.EqualTo(ExitCodes.Success));
        Assert.That(run.Error, Does.Contain("no-such-command"));
    }
}
