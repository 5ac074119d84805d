namespace Verify.Matching.Engine;

/// <summary>
/// A match request that breaks the local-matching JSON contract (a required field missing, a value too
/// long, an unknown level of assurance). The message lists field names only, never personal data,
/// so the exception is safe to log; the <c>POST /match</c> endpoint answers 400 with <see cref="Errors"/>.
/// </summary>
public sealed class InvalidMatchRequestException : Exception
{
    /// <summary>Makes the exception with the validator's errors.</summary>
    public InvalidMatchRequestException(IReadOnlyList<string> errors)
        : base("Invalid match request: " + string.Join("; ", errors ?? []))
    {
        Errors = errors ?? [];
    }

    /// <summary>Makes the exception with a single message.</summary>
    public InvalidMatchRequestException(string message)
        : base(message)
    {
        Errors = [message];
    }

    /// <summary>For serialisers; prefer the list constructor.</summary>
    public InvalidMatchRequestException()
        : this("Invalid match request.")
    {
    }

    /// <summary>For wrapping; prefer the list constructor.</summary>
    public InvalidMatchRequestException(string message, Exception innerException)
        : base(message, innerException)
    {
        Errors = [message];
    }

    /// <summary>One line per problem, naming the JSON field.</summary>
    public IReadOnlyList<string> Errors { get; }
}
