namespace Verify.MatchingService.Errors;

/// <summary>
/// The matching service's own refusals, beside the SAML layer's catalogue (<c>VSnnnn</c>, <c>Verify.Saml.Errors</c>):
/// printed <c>VMnnnn</c>. Numbers are stable: operators and the hub's logs quote them. 1xxx blame the sender (SAML
/// status Requester), 2xxx this service or the department's matching logic (Responder).
/// </summary>
public enum MatchingServiceErrorCode
{
    /// <summary>No error.</summary>
    None = 0,

    /// <summary>The level of assurance is below the configured minimum, or is LEVEL_X (fraud), which satisfies nothing.</summary>
    LevelOfAssuranceNotAccepted = 1001,

    /// <summary>A match query names account-creation attributes, or an account-creation query names none.</summary>
    QueryKindMismatch = 1002,

    /// <summary>An account-creation attribute is not one Verify defined.</summary>
    AccountCreationAttributeUnknown = 1003,

    /// <summary>The hub's cycle 3 assertion is not one attribute with one plain value.</summary>
    Cycle3DataInvalid = 1004,

    /// <summary>The verified identity does not satisfy the local-matching contract (e.g. a name without a letter).</summary>
    MatchRequestInvalid = 1005,

    /// <summary>The request is not a SOAP 1.1 message (<c>text/xml</c>).</summary>
    NotSoap = 1006,

    /// <summary>The department's local matching service did not answer in time.</summary>
    LocalMatchingTimeout = 2001,

    /// <summary>The department's local matching service failed or answered something other than Verify's JSON.</summary>
    LocalMatchingFailed = 2002,

    /// <summary>The match could not be recorded for cycle 0 (the hashed PID is linked to another record, or the record is gone).</summary>
    LinkRefused = 2003,

    /// <summary>An unexpected failure in this service; the log has the exception type.</summary>
    Internal = 2999,
}
