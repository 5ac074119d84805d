using System.CommandLine;

namespace Verify.Cli.Commands;

/// <summary>
/// Makes one top-level <c>verify</c> command (with its subcommands). <see cref="CliApplication"/>
/// composes the root command from these, so each area lives in its own file under <c>Commands/</c>.
/// </summary>
internal interface ICommandFactory
{
    /// <summary>A new command, ready to be added below the root command.</summary>
    Command Create();
}
