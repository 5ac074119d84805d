namespace Verify.Saml.Validation;

/// <summary>What an identity provider's Response says happened (VERIFY-REFERENCE.md, "IDP status → outcome").</summary>
public enum IdpOutcome
{
    /// <summary>The citizen authenticated; the assertions carry their identity.</summary>
    Success = 1,

    /// <summary>Responder / NoAuthnContext with detail <c>authn-cancel</c>.</summary>
    Cancelled = 2,

    /// <summary>Responder / NoAuthnContext with detail <c>loa-pending</c>: paused registration.</summary>
    Pending = 3,

    /// <summary>Responder / NoAuthnContext with detail <c>uplift-failed</c>.</summary>
    UpliftFailed = 4,

    /// <summary>Responder / NoAuthnContext with no recognised detail.</summary>
    NoAuthnContext = 5,

    /// <summary>Responder / AuthnFailed, or another Responder second-level code.</summary>
    AuthnFailed = 6,

    /// <summary>Requester, or Requester / RequestDenied.</summary>
    RequesterError = 7,

    /// <summary>Success at LEVEL_X: a fraud event. Never reported to an RP as success.</summary>
    Fraud = 8,
}
