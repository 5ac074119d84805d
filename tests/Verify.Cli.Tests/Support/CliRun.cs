namespace Verify.Cli.Tests.Support;

/// <summary>One in-process run of the <c>verify</c> command line, with what it printed.</summary>
internal sealed record CliRun(int ExitCode, string Output, string Error)
{
    /// <summary>Runs <c>verify {args}</c> through <see cref="CliApplication"/> with the system clock.</summary>
    public static CliRun InProcess(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = CliApplication.CreateDefault(TimeProvider.System).Invoke(args, output, error);
        return new CliRun(exitCode, output.ToString(), error.ToString());
    }
}
