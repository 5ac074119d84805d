namespace Verify.Hub.Journey.Errors;

/// <summary>
/// The journey rules a step can break although the state allows it (VERIFY-REFERENCE.md). Explicit numbers:
/// audit events store them.
/// </summary>
public enum JourneyRule
{
    /// <summary>The IDP is unknown, disabled, or not offered to this RP for the citizen's choice (sign-in or registration).</summary>
    IdpNotAvailable = 1,

    /// <summary>The IDP is certified for none of the levels the RP accepts.</summary>
    NoCommonLevelOfAssurance = 2,

    /// <summary>The answer's issuer is not the selected IDP or the RP's matching service.</summary>
    UnexpectedIssuer = 3,

    /// <summary>The answer is not in response to the request the journey is waiting on.</summary>
    UnexpectedInResponseTo = 4,

    /// <summary>The IDP's level of assurance is not one the RP accepts.</summary>
    LevelNotAcceptedByRp = 5,

    /// <summary>The IDP's level of assurance is not one it is certified for.</summary>
    LevelNotCertifiedForIdp = 6,
}
