using System.CommandLine;

using Verify.Cli.Commands;

namespace Verify.Cli;

/// <summary>
/// The <c>verify</c> command line: a root command composed of one top-level command per area
/// (<c>pki</c>, later <c>saml</c>, <c>federation</c>, <c>start-dev</c> ...). Tests call
/// <see cref="Invoke"/> in-process with their own writers.
/// </summary>
internal sealed class CliApplication
{
    private readonly IReadOnlyList<ICommandFactory> _commands;

    /// <summary>Composes the application from the given top-level command factories.</summary>
    public CliApplication(IEnumerable<ICommandFactory> commands)
    {
        ArgumentNullException.ThrowIfNull(commands);
        _commands = [.. commands];
    }

    /// <summary>
    /// Every command the <c>verify</c> tool offers. A new area adds its factory to this list and
    /// nothing else.
    /// </summary>
    public static CliApplication CreateDefault(TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(timeProvider);
        return new CliApplication(
        [
            new PkiCommand(timeProvider),
            new SamlCommand(),
            new MetadataCommand(timeProvider),
            new MatchingCommand(timeProvider),
            new RpCommand(timeProvider),
            new IdpCommand(timeProvider),
            new FederationCommand(timeProvider),
            new StartDevCommand(timeProvider),
            new StartCommand(timeProvider),
            new DbCommand(),
            new AuditCommand(timeProvider),
            new MatchingService.MatchingServiceCommand(timeProvider),
        ]);
    }

    /// <summary>Builds the root command with every factory's command below it.</summary>
    public RootCommand BuildRootCommand()
    {
        var root = new RootCommand("Verify: identity assurance hub. Federation keys, metadata, and development hosts.");
        foreach (var factory in _commands)
        {
            root.Subcommands.Add(factory.Create());
        }

        return root;
    }

    /// <summary>
    /// Parses and runs one command line; returns the process exit code (<see cref="ExitCodes"/>).
    /// Output and errors go to the given writers, or to the console when null.
    /// </summary>
    public int Invoke(IReadOnlyList<string> args, TextWriter? output = null, TextWriter? error = null)
    {
        ArgumentNullException.ThrowIfNull(args);
        var configuration = new InvocationConfiguration
        {
            Output = output ?? Console.Out,
            Error = error ?? Console.Error,
        };
        return BuildRootCommand().Parse(args).Invoke(configuration);
    }
}
