namespace Verify.Cli.Commands;

/// <summary>
/// A command line that parses but cannot be acted on (a missing or conflicting option, a value of the wrong form).
/// The message says what to type instead; the command exits with <see cref="ExitCodes.Usage"/> having done nothing.
/// </summary>
internal sealed class CliUsageException : Exception
{
    public CliUsageException(string message)
        : base(message)
    {
    }

    public CliUsageException()
        : base("The command line cannot be acted on; see --help.")
    {
    }

    public CliUsageException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
