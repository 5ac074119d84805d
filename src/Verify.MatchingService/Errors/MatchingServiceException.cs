namespace Verify.MatchingService.Errors;

/// <summary>
/// A query the matching service refuses for one of its own rules (<see cref="MatchingServiceErrorCode"/>). The
/// message is the catalogue's and never holds message content or personal data, so it is safe to log.
/// </summary>
public sealed class MatchingServiceException : Exception
{
    public MatchingServiceException(MatchingServiceErrorCode code, Exception? inner = null)
        : base($"{MatchingServiceErrors.IdOf(code)} {code}: {MatchingServiceErrors.MessageOf(code)}", inner)
    {
        Code = code;
    }

    public MatchingServiceException()
        : this(MatchingServiceErrorCode.Internal)
    {
    }

    public MatchingServiceException(string message)
        : base(message)
    {
        Code = MatchingServiceErrorCode.Internal;
    }

    public MatchingServiceException(string message, Exception innerException)
        : base(message, innerException)
    {
        Code = MatchingServiceErrorCode.Internal;
    }

    /// <summary>The catalogue code.</summary>
    public MatchingServiceErrorCode Code { get; }
}
