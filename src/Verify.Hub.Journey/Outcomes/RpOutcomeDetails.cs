namespace Verify.Hub.Journey.Outcomes;

/// <summary>
/// The <see cref="RpOutcome.Detail"/> words: stable, documented for integrators, never containing personal data.
/// <c>match</c>, <c>no-match</c>, <c>created</c> and <c>create-failure</c> are Verify's hub status code names.
/// </summary>
public static class RpOutcomeDetails
{
    /// <summary>Verified without matching.</summary>
    public const string Verified = "verified";

    /// <summary>Verified and matched by the RP's matching service.</summary>
    public const string Match = "match";

    /// <summary>Verified and an account created by the RP's matching service.</summary>
    public const string Created = "created";

    /// <summary>Verified, but the matching service found no record.</summary>
    public const string NoMatch = "no-match";

    /// <summary>The citizen could not be authenticated (also what the RP hears for a fraud response).</summary>
    public const string AuthnFailed = "authn-failed";

    /// <summary>The IDP refused the hub's request.</summary>
    public const string RequesterError = "requester-error";

    /// <summary>The journey expired.</summary>
    public const string Timeout = "timeout";

    /// <summary>The citizen went back to the service without proving their identity.</summary>
    public const string Cancelled = "cancelled";

    /// <summary>The citizen declined to give a cycle 3 identifier.</summary>
    public const string Cycle3Cancelled = "cycle3-cancelled";

    /// <summary>The matching service failed or did not answer in time.</summary>
    public const string MatchingServiceError = "matching-service-error";

    /// <summary>The matching service could not create an account.</summary>
    public const string CreateFailure = "create-failure";

    /// <summary>The citizen's registration with the IDP is pending.</summary>
    public const string RegistrationPending = "registration-pending";
}
