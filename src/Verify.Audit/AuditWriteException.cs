namespace Verify.Audit;

/// <summary>
/// An audit event could not be written (the database refused or could not be reached). The step it recorded must not
/// go ahead: the caller stops the journey and shows the citizen an error (the issue: as Verify did).
/// </summary>
public sealed class AuditWriteException : Exception
{
    /// <summary>A failure with a message.</summary>
    public AuditWriteException(string message)
        : base(message)
    {
    }

    /// <summary>A failure with a message and its cause.</summary>
    public AuditWriteException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>A failure without detail.</summary>
    public AuditWriteException()
        : base("The audit event was not written.")
    {
    }
}
