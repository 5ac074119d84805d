using Verify.Saml.Samlp;

namespace Verify.StubIdp.Oidc;

/// <summary>
/// How each failure button of the login page answers over OIDC (ADR 0022 "Errors"): an authorization error response
/// (OIDC Core 3.1.2.6) whose <c>error</c> is the registered code nearest in meaning to the SAML status, and whose
/// <c>verify_detail</c> extension parameter carries the SAML StatusDetail value, so the hub steps the journey as it
/// does for the same SAML answer. Success and fraud buttons answer with a code instead.
/// </summary>
internal static class StubOidcOutcomes
{
    /// <summary>The extension parameter carrying Verify's status detail (e.g. <c>authn-cancel</c>).</summary>
    public const string DetailParameter = "verify_detail";

    /// <summary>The error answer of a failure outcome; null for success and fraud outcomes.</summary>
    public static (OidcError Error, string? Detail)? ErrorFor(StubOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        if (outcome.NeedsIdentity)
        {
            return null;
        }

        var detail = outcome.Status.DetailValues.Count > 0 ? outcome.Status.DetailValues[0] : null;
        var description = outcome.Status.StatusMessage ?? outcome.Text;
        return (outcome.Status.StatusCode.SubCode?.Value, detail) switch
        {
            // RFC 6749 4.1.2.1: the resource owner denied the request.
            (StatusCodes.NoAuthnContext, StatusDetailValues.AuthnCancel) => (new OidcError("access_denied", description), detail),

            // OIDC Unmet Authentication Requirements 1.0: the requested level could not be reached (uplift, pending).
            (StatusCodes.NoAuthnContext, _) => (new OidcError("unmet_authentication_requirements", description), detail),
            (StatusCodes.RequestDenied, _) => (OidcError.InvalidRequest(description), detail),

            // Authentication failed: access_denied without a detail (the hub reads it as AuthnFailed).
            _ => (new OidcError("access_denied", description), "authn-failed"),
        };
    }
}
