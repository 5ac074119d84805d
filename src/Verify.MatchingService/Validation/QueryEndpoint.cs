namespace Verify.MatchingService.Validation;

/// <summary>
/// Which of the two SOAP endpoints a query arrived at. Verify registered a matching service with two URIs, one for
/// matching and one for account creation; the endpoint, not the message, says what is asked.
/// </summary>
public enum QueryEndpoint
{
    /// <summary>Matching (cycle 0/1, cycle 3) and health checks.</summary>
    Match = 1,

    /// <summary>Account creation after a no-match.</summary>
    AccountCreation = 2,
}
