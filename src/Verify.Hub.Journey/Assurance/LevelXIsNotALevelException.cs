namespace Verify.Hub.Journey.Assurance;

/// <summary>
/// Thrown where <c>LEVEL_X</c> (<see cref="AuthnContextUris.LevelX"/>) is used as a level of assurance. It marks a
/// fraud response and never satisfies any requirement (ARCHITECTURE.md): a response carrying it is a fraud
/// outcome, reported through <see cref="JourneyStateMachine.IdpFraudDetected"/>.
/// </summary>
public sealed class LevelXIsNotALevelException : InvalidOperationException
{
    /// <summary>Creates the exception with the standard message.</summary>
    public LevelXIsNotALevelException()
        : base("LEVEL_X marks a fraud response; it is not a level of assurance and satisfies no requirement.")
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public LevelXIsNotALevelException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    public LevelXIsNotALevelException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
