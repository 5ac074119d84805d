namespace Verify.Hub.Limits;

/// <summary>
/// How much work one client address and one RP may create (AuthnRequests and IDP responses). The defaults leave a
/// busy citizen untouched (a journey needs two such requests) and a busy service room (Verify's peak was a few
/// journeys a second per service).
/// </summary>
public sealed record RateLimitOptions
{
    /// <summary>The window the counts cover.</summary>
    public TimeSpan Window { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>Requests per window from one client address.</summary>
    public int PerClient { get; init; } = 30;

    /// <summary>AuthnRequests per window from one RP.</summary>
    public int PerRelyingParty { get; init; } = 3000;
}
