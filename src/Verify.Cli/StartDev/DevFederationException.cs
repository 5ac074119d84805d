namespace Verify.Cli.StartDev;

/// <summary>start-dev could not start; the message says what to do.</summary>
public sealed class DevFederationException : Exception
{
    /// <summary>Creates the exception.</summary>
    public DevFederationException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    public DevFederationException(string message, Exception inner)
        : base(message, inner)
    {
    }

    /// <summary>Creates the exception.</summary>
    public DevFederationException()
    {
    }
}
