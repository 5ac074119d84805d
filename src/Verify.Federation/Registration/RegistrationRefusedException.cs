namespace Verify.Federation.Registration;

/// <summary>
/// Thrown when a party's metadata or settings break a federation rule. The message says what is wrong and what to
/// do about it, in words an operator can act on; it names the entity and the offending endpoint or certificate,
/// never anything personal. Nothing has been stored when this is thrown.
/// </summary>
public sealed class RegistrationRefusedException : Exception
{
    /// <summary>Creates the exception with a message for the operator.</summary>
    public RegistrationRefusedException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message for the operator and the cause.</summary>
    public RegistrationRefusedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception with a generic message; prefer one that says what to do.</summary>
    public RegistrationRefusedException()
        : base("The registration was refused.")
    {
    }
}
