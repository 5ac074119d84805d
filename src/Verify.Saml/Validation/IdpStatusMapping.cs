using Verify.Saml.Errors;
using Verify.Saml.Samlp;

namespace Verify.Saml.Validation;

/// <summary>Maps an IDP's SAML status to an outcome, as GOV.UK Verify did (VERIFY-REFERENCE.md).</summary>
public static class IdpStatusMapping
{
    /// <summary>The outcome a status stands for; refuses a status this profile does not know.</summary>
    /// <exception cref="SamlException">ProtocolStatusUnrecognised.</exception>
    public static IdpOutcome ToOutcome(Status status)
    {
        ArgumentNullException.ThrowIfNull(status);
        var top = status.StatusCode.Value;
        var second = status.StatusCode.SubCode?.Value;
        return top switch
        {
            StatusCodes.Success => IdpOutcome.Success,
            StatusCodes.Requester => IdpOutcome.RequesterError,
            StatusCodes.Responder when second == StatusCodes.NoAuthnContext => Detail(status) switch
            {
                StatusDetailValues.AuthnCancel => IdpOutcome.Cancelled,
                StatusDetailValues.LoaPending => IdpOutcome.Pending,
                StatusDetailValues.UpliftFailed => IdpOutcome.UpliftFailed,
                _ => IdpOutcome.NoAuthnContext,
            },

            // Any other Responder failure is an authentication failure: it must not read as success
            // and the citizen's next step is the same.
            StatusCodes.Responder => IdpOutcome.AuthnFailed,
            _ => throw new SamlException(SamlErrorCode.ProtocolStatusUnrecognised),
        };
    }

    private static string? Detail(Status status) => status.DetailValues.Count > 0 ? status.DetailValues[0] : null;
}
