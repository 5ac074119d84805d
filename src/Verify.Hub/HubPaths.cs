namespace Verify.Hub;

/// <summary>The hub's URL paths, in one place: the SAML endpoints are in its metadata, the pages in its links.</summary>
public static class HubPaths
{
    /// <summary>RP → hub AuthnRequests (HTTP-POST and HTTP-Redirect).</summary>
    public const string SingleSignOn = "/SAML2/SSO";

    /// <summary>IDP → hub Responses (HTTP-POST); its cookie is scoped to this path.</summary>
    public const string AssertionConsumer = "/SAML2/ACS";

    /// <summary>OIDC IDP → hub authorization responses (the hub's redirection endpoint as an OpenID Connect client, ADR 0022).</summary>
    public const string OidcClientCallback = "/oidc/client/callback";

    /// <summary>The hub's own entity metadata.</summary>
    public const string HubMetadata = "/SAML2/metadata/hub";

    /// <summary>The signed federation metadata.</summary>
    public const string FederationMetadata = "/SAML2/metadata/federation";

    /// <summary>Start page: signing in or registering.</summary>
    public const string Start = "/start";

    /// <summary>Choose a certified company.</summary>
    public const string ChooseCompany = "/choose-a-certified-company";

    /// <summary>Back to the service: answers the RP with the journey's outcome.</summary>
    public const string ReturnToService = "/return-to-service";

    /// <summary>Where the journey is: redirects to the page for its state.</summary>
    public const string Continue = "/continue";

    /// <summary>The company could not sign the citizen in (AuthnFailedError).</summary>
    public const string Failed = "/failed";

    /// <summary>The company could not verify the citizen (FraudEventDetected; the page does not say why).</summary>
    public const string NotVerified = "/identity-not-verified";

    /// <summary>The company said the hub's request was wrong (RequesterError).</summary>
    public const string RequesterError = "/something-went-wrong";

    /// <summary>The company's registration is pending (PausedRegistration).</summary>
    public const string Pending = "/registration-pending";

    /// <summary>The hub is waiting for the matching service (a page that reloads itself, no JavaScript).</summary>
    public const string Matching = "/checking-your-details";

    /// <summary>The matching service did not find the citizen: one more identifier, please (cycle 3).</summary>
    public const string FurtherInformation = "/further-information";

    /// <summary>The service could not find the citizen's record (NoMatch).</summary>
    public const string NoMatch = "/record-not-found";

    /// <summary>The matching service failed or did not answer in time (MatchingServiceRequestError).</summary>
    public const string MatchingError = "/could-not-check-your-details";

    /// <summary>The service could not create an account for the citizen (UserAccountCreationFailed).</summary>
    public const string AccountNotCreated = "/account-not-created";

    /// <summary>The journey timed out.</summary>
    public const string Timeout = "/session-timed-out";

    /// <summary>No journey for this browser (no cookie, or it expired and was removed).</summary>
    public const string NoSession = "/no-session";

    /// <summary>Something failed inside the hub (the audit trail could not be written, a store was down): nothing was done.</summary>
    public const string Problem = "/problem-with-the-service";

    /// <summary>A message or form the hub refused.</summary>
    public const string Error = "/error";
}
