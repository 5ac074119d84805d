namespace Verify.Hub.Journey;

/// <summary>
/// A journey store failed: a stored document could not be read (corrupt, or written in a schema this node does not
/// know), or an ID was created twice. Not a concurrency conflict: those are <see cref="JourneyWriteStatus"/> values.
/// </summary>
public sealed class JourneyStoreException : Exception
{
    /// <summary>Creates the exception.</summary>
    public JourneyStoreException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public JourneyStoreException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    public JourneyStoreException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
