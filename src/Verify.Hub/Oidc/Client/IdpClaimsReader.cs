using Microsoft.IdentityModel.JsonWebTokens;

using Verify.Saml.Saml;
using Verify.Saml.Samlp;

namespace Verify.Hub.Oidc.Client;

/// <summary>
/// Reads the matching dataset out of a validated ID token (ADR 0022 "Claims") with the reader the matching service
/// shares (<see cref="MatchingDatasetClaims"/>: <c>verify_mds</c>, else the OIDC Core 5.1 standard claims; a first
/// name, a surname and a date of birth required), and turns a missing dataset into the hub's refusal. A standard
/// claim the ID token does not carry may come from the userinfo answer (ADR 0025 addendum): it is then listed as
/// vouched for by the hub, with its value; a claim the IDP signed is never replaced, <c>verify_mds</c> never taken
/// from userinfo.
/// </summary>
internal static class IdpClaimsReader
{
    /// <summary>The dataset and the claims in it that only userinfo gave, or a refusal.</summary>
    /// <exception cref="OidcClientException">The claims hold no usable matching dataset.</exception>
    public static (MatchingDataset Dataset, IReadOnlyList<MatchingQueryVouchedClaim> VouchedByHub) Dataset(JsonWebToken token, UserInfoClaims? userInfo)
    {
        var vouched = userInfo is null
            ? []
            : MatchingDatasetClaims.AbsentStandardClaims(token)
                .Where(userInfo.Claims.ContainsKey)
                .Select(name => new MatchingQueryVouchedClaim(name, userInfo.Claims[name]))
                .ToList();
        var fromUserInfo = vouched.ToDictionary(claim => claim.Name, claim => claim.Value, StringComparer.Ordinal);
        return MatchingDatasetClaims.TryRead(token, fromUserInfo, out var dataset, out var problem)
            ? (dataset, vouched)
            : throw new OidcClientException(OidcClientErrorCode.IdTokenClaimsInvalid, problem == MatchingDatasetClaimsProblem.Unreadable
                ? "The identity claims could not be read."
                : "The identity claims lack a first name, a surname or a date of birth.");
    }
}
