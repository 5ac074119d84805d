using Microsoft.IdentityModel.JsonWebTokens;

using Verify.Saml.Errors;
using Verify.Saml.Saml;

namespace Verify.MatchingService.Validation;

/// <summary>
/// The matching dataset an OIDC IDP signed in its ID token (ADR 0022 "Claims", ADR 0025), read with the reader the hub
/// shares (<see cref="MatchingDatasetClaims"/>: <c>verify_mds</c>, else the OIDC Core 5.1 standard claims). Read here
/// from the token whose signature was just checked, never from the hub's copy; only standard claims the token lacks
/// may come from the hub's vouched claims, once <see cref="OidcEvidenceRules"/> accepted them (ADR 0025 addendum).
/// </summary>
internal static class OidcDatasetReader
{
    /// <summary>Verify's matching dataset claim (the same name the hub reads).</summary>
    public const string MatchingDatasetClaim = MatchingDatasetClaims.MatchingDatasetClaim;

    /// <summary>
    /// The dataset; a first name, a surname and a date of birth are required, as of a SAML IDP. <paramref name="hubVouched"/>
    /// (accepted by <see cref="OidcEvidenceRules"/>) supplies only standard claims the token does not carry.
    /// </summary>
    /// <exception cref="SamlException">No usable matching dataset (the SAML path's refusal, whatever the reason).</exception>
    public static MatchingDataset Dataset(JsonWebToken token, IReadOnlyDictionary<string, string> hubVouched) =>
        MatchingDatasetClaims.TryRead(token, hubVouched, out var dataset, out _)
            ? dataset
            : throw new SamlException(SamlErrorCode.ProtocolMatchingDatasetInvalid);
}
