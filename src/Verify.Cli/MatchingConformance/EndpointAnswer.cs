namespace Verify.Cli.MatchingConformance;

/// <summary>
/// What the department's endpoint answered to one request: either a well-formed answer (<see cref="Result"/> set) or
/// the problem that makes it unusable (<see cref="Problem"/> set), never both. Made only by <see cref="LocalMatchingClient"/>.
/// </summary>
internal sealed record EndpointAnswer
{
    private EndpointAnswer(int? httpStatus, string? contentType, TimeSpan latency, string? result, string? recordId, string? problem)
    {
        HttpStatus = httpStatus;
        ContentType = contentType;
        Latency = latency;
        Result = result;
        RecordId = recordId;
        Problem = problem;
    }

    /// <summary>The HTTP status, when a response came.</summary>
    public int? HttpStatus { get; }

    /// <summary>The response's media type, when it had one.</summary>
    public string? ContentType { get; }

    /// <summary>From sending the request to reading the whole answer (or giving up).</summary>
    public TimeSpan Latency { get; }

    /// <summary>The <c>result</c> value, lower case, one of those the request kind allows; null when <see cref="Problem"/> is set.</summary>
    public string? Result { get; }

    /// <summary>The <c>recordId</c> the endpoint named, if any (the reference engine's <c>POST /match</c> does; Verify's JSON does not).</summary>
    public string? RecordId { get; }

    /// <summary>Why the answer is not usable; the matching service would treat it as a failure, never as a match.</summary>
    public string? Problem { get; }

    /// <summary>A usable answer.</summary>
    public static EndpointAnswer WellFormed(int httpStatus, string contentType, TimeSpan latency, string result, string? recordId) =>
        new(httpStatus, contentType, latency, result, recordId, null);

    /// <summary>An unusable answer, or none.</summary>
    public static EndpointAnswer Unusable(string problem, TimeSpan latency, int? httpStatus = null, string? contentType = null) =>
        new(httpStatus, contentType, latency, null, null, problem);
}
