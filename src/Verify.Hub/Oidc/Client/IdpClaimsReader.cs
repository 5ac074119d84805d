using Microsoft.IdentityModel.JsonWebTokens;

using Verify.Saml.Saml;

namespace Verify.Hub.Oidc.Client;

/// <summary>
/// Reads the matching dataset out of a validated ID token (ADR 0022 "Claims") with the reader the matching service
/// shares (<see cref="MatchingDatasetClaims"/>: <c>verify_mds</c>, else the OIDC Core 5.1 standard claims; a first
/// name, a surname and a date of birth required), and turns a missing dataset into the hub's refusal.
/// </summary>
internal static class IdpClaimsReader
{
    /// <summary>The dataset, or a refusal.</summary>
    /// <exception cref="OidcClientException">The claims hold no usable matching dataset.</exception>
    public static MatchingDataset Dataset(JsonWebToken token) =>
        MatchingDatasetClaims.TryRead(token, out var dataset, out var problem)
            ? dataset
            : throw new OidcClientException(OidcClientErrorCode.IdTokenClaimsInvalid, problem == MatchingDatasetClaimsProblem.Unreadable
                ? "The identity claims could not be read."
                : "The identity claims lack a first name, a surname or a date of birth.");
}
