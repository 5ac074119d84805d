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

    /// <summary>An OIDC IDP's evidence (ADR 0025) cannot be read: not a compact JWS, too large, or claims that are not Verify's.</summary>
    IdTokenMalformed = 1007,

    /// <summary>The ID token's <c>alg</c> is not RS256, PS256 or ES256 (never <c>none</c> or HMAC: RFC 8725 3.1).</summary>
    IdTokenAlgorithmRefused = 1008,

    /// <summary>The ID token is not signed by a key registered here for its IDP.</summary>
    IdTokenSignatureInvalid = 1009,

    /// <summary>The ID token's issuer is not an OIDC IDP registered here, or differs from the evidence's.</summary>
    IdTokenIssuerUnknown = 1010,

    /// <summary>The ID token was not issued to the hub's client ID at that IDP (<c>aud</c>, <c>azp</c>).</summary>
    IdTokenAudienceMismatch = 1011,

    /// <summary>The ID token was issued too long ago (the IDP assertion age limit), in the future, or has no expiry.</summary>
    IdTokenExpired = 1012,

    /// <summary>
    /// The evidence lists identity claims vouched for by the hub (from userinfo, ADR 0025 addendum), and this service
    /// does not accept them for that IDP, or one names a claim the ID token carries (or the token has verify_mds).
    /// </summary>
    HubVouchedClaimsRefused = 1013,

    /// <summary>The department's local matching service did not answer in time.</summary>
    LocalMatchingTimeout = 2001,

    /// <summary>The department's local matching service failed or answered something other than Verify's JSON.</summary>
    LocalMatchingFailed = 2002,

    /// <summary>The match could not be recorded for cycle 0 (the hashed PID is linked to another record, or the record is gone).</summary>
    LinkRefused = 2003,

    /// <summary>An unexpected failure in this service; the log has the exception type.</summary>
    Internal = 2999,
}
