namespace Verify.Saml.Validation;

/// <summary>
/// What a matching service answered (GOV.UK Verify's status codes, VERIFY-REFERENCE.md). The numbers are explicit
/// because the hub stores the answer with the journey.
/// </summary>
public enum MatchingServiceOutcome
{
    /// <summary>Success / <c>match</c>: one assertion, the hashed PID of the matched citizen.</summary>
    Match = 1,

    /// <summary>Responder / <c>no-match</c>: no assertion.</summary>
    NoMatch = 2,

    /// <summary>Success / <c>created</c>: one assertion with the account-creation attributes.</summary>
    AccountCreated = 3,

    /// <summary>Responder / <c>create-failure</c> (or a bare Responder from the account-creation endpoint): no assertion.</summary>
    AccountCreationFailed = 4,

    /// <summary>Success / <c>healthy</c>: the answer to a health check; no assertion.</summary>
    Healthy = 5,

    /// <summary>Requester: the matching service refused the query.</summary>
    RequesterError = 6,

    /// <summary>Responder (no recognised second-level code): the matching service could not answer.</summary>
    ResponderError = 7,
}
