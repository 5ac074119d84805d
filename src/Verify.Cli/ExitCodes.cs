namespace Verify.Cli;

/// <summary>The exit codes every <c>verify</c> command uses, so scripts can tell outcomes apart.</summary>
internal static class ExitCodes
{
    /// <summary>The command did what was asked.</summary>
    public const int Success = 0;

    /// <summary>The command failed (I/O, cryptography, bad input); the reason is on stderr.</summary>
    public const int Failure = 1;

    /// <summary>The command line was wrong (missing or conflicting options); nothing was done.</summary>
    public const int Usage = 2;

    /// <summary>
    /// The command refused to act: it would destroy something (e.g. overwrite files without --force), or its input
    /// breaks a federation rule (e.g. metadata refused at registration). Nothing was changed.
    /// </summary>
    public const int Refused = 3;
}
