namespace Verify.Testing;

/// <summary>What an outside program returned and printed.</summary>
/// <param name="ExitCode">The process exit code.</param>
/// <param name="StandardOutput">Everything written to stdout.</param>
/// <param name="StandardError">Everything written to stderr.</param>
public sealed record ProcessResult(int ExitCode, string StandardOutput, string StandardError)
{
    /// <summary>Stdout and stderr together, for assertion messages.</summary>
    public string AllOutput => StandardOutput + StandardError;

    /// <inheritdoc />
    public override string ToString()
    {
        return $"exit {ExitCode}: {AllOutput.Trim()}";
    }
}
