using System.Collections.Frozen;
using System.Globalization;

using Verify.Saml.Errors;

namespace Verify.MatchingService.Errors;

/// <summary>The matching service's catalogue: code → message safe to show and log (never message content), and the party blamed.</summary>
public static class MatchingServiceErrors
{
    private static readonly FrozenDictionary<MatchingServiceErrorCode, string> Messages = new Dictionary<MatchingServiceErrorCode, string>
    {
        [MatchingServiceErrorCode.LevelOfAssuranceNotAccepted] = "The level of assurance is below this matching service's minimum, or is LEVEL_X.",
        [MatchingServiceErrorCode.QueryKindMismatch] = "A match query must not name account-creation attributes, and an account-creation query must name some.",
        [MatchingServiceErrorCode.AccountCreationAttributeUnknown] = "An account-creation attribute is not one Verify defined.",
        [MatchingServiceErrorCode.Cycle3DataInvalid] = "The cycle 3 assertion must carry one attribute with one plain value.",
        [MatchingServiceErrorCode.MatchRequestInvalid] = "The verified identity does not satisfy the local-matching contract.",
        [MatchingServiceErrorCode.NotSoap] = "The request is not a SOAP 1.1 message (Content-Type text/xml).",
        [MatchingServiceErrorCode.IdTokenMalformed] = "The IDP's ID token evidence cannot be read.",
        [MatchingServiceErrorCode.IdTokenAlgorithmRefused] = "The IDP's ID token uses an algorithm other than RS256, PS256 or ES256.",
        [MatchingServiceErrorCode.IdTokenSignatureInvalid] = "The IDP's ID token is not signed by a key registered for that IDP.",
        [MatchingServiceErrorCode.IdTokenIssuerUnknown] = "The IDP's ID token comes from an issuer not registered here.",
        [MatchingServiceErrorCode.IdTokenAudienceMismatch] = "The IDP's ID token was not issued to the hub's client.",
        [MatchingServiceErrorCode.IdTokenExpired] = "The IDP's ID token is too old, not yet valid or has no expiry.",
        [MatchingServiceErrorCode.HubVouchedClaimsRefused] = "Identity claims vouched for by the hub are not accepted for this IDP, or repeat a claim of the ID token.",
        [MatchingServiceErrorCode.LocalMatchingTimeout] = "The local matching service did not answer in time.",
        [MatchingServiceErrorCode.LocalMatchingFailed] = "The local matching service failed or did not answer in Verify's JSON shape.",
        [MatchingServiceErrorCode.LinkRefused] = "The match could not be recorded for cycle 0.",
        [MatchingServiceErrorCode.Internal] = "The matching service could not process the query.",
    }.ToFrozenDictionary();

    /// <summary>All codes in the catalogue.</summary>
    public static IEnumerable<MatchingServiceErrorCode> All => Messages.Keys;

    /// <summary>The printed ID, e.g. <c>VM1001</c>.</summary>
    public static string IdOf(MatchingServiceErrorCode code) => "VM" + ((int)code).ToString("D4", CultureInfo.InvariantCulture);

    /// <summary>The catalogue message.</summary>
    public static string MessageOf(MatchingServiceErrorCode code) => Messages.TryGetValue(code, out var message) ? message : "Unknown error.";

    /// <summary>1xxx blame the sender, 2xxx this service.</summary>
    public static SamlErrorParty PartyOf(MatchingServiceErrorCode code) =>
        (int)code is >= 1000 and < 2000 ? SamlErrorParty.Requester : SamlErrorParty.Responder;
}
