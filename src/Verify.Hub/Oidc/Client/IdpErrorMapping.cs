using Verify.Saml.Validation;

namespace Verify.Hub.Oidc.Client;

/// <summary>
/// An OpenID Connect IDP's authorization error (OIDC Core 3.1.2.6) as the journey's IDP outcome, so each ends in the
/// same state as the SAML answer it stands for (ADR 0022 "Errors"; the SAML side is <c>IdpStatusMapping</c>):
/// <c>access_denied</c> is the citizen cancelling unless Verify's detail says authentication failed;
/// <c>unmet_authentication_requirements</c> is NoAuthnContext with Verify's detail (uplift failed, pending);
/// <c>invalid_request</c> and the other request errors are a requester error; anything else failed authentication.
/// </summary>
public static class IdpErrorMapping
{
    /// <summary>The outcome of an error answer.</summary>
    public static IdpOutcome OutcomeOf(string? error, string? detail) => (error, detail) switch
    {
        ("access_denied", "authn-failed") => IdpOutcome.AuthnFailed,
        ("access_denied", _) => IdpOutcome.Cancelled,
        ("unmet_authentication_requirements", "uplift-failed") => IdpOutcome.UpliftFailed,
        ("unmet_authentication_requirements", "loa-pending") => IdpOutcome.Pending,
        ("unmet_authentication_requirements", _) => IdpOutcome.NoAuthnContext,
        ("invalid_request" or "invalid_scope" or "unsupported_response_type" or "unauthorized_client"
            or "request_not_supported" or "request_uri_not_supported" or "invalid_request_uri" or "invalid_request_object", _) => IdpOutcome.RequesterError,
        _ => IdpOutcome.AuthnFailed,
    };
}
