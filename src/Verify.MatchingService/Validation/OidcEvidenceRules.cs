using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

using Verify.MatchingService.Errors;
using Verify.Saml.Errors;
using Verify.Saml.Saml;
using Verify.Saml.Samlp;

namespace Verify.MatchingService.Validation;

/// <summary>
/// The rules for an OpenID Connect IDP's evidence (ADR 0025), the counterpart of <see cref="IdpAssertionRules"/>:
/// the ID token is a compact JWS signed RS256, PS256 or ES256 (never <c>none</c> or HMAC) by a key registered here for
/// the IDP its <c>iss</c> names, issued to the hub's client ID at that IDP, issued within the IDP assertion age limit,
/// about the query's subject, at a level, with a matching dataset. Its <c>exp</c> is the hub's acceptance window (OIDC
/// Core 3.1.3.7 binds the client that receives it), as the IDP's 5-minute bearer window is for SAML: it must be
/// present, but the same token comes back for cycle 3 and account creation, so the age limit governs here.
/// </summary>
internal sealed class OidcEvidenceRules(MatchingServiceOptions options, DateTimeOffset now)
{
    private static readonly string[] Algorithms = [SecurityAlgorithms.RsaSha256, SecurityAlgorithms.RsaSsaPssSha256, SecurityAlgorithms.EcdsaSha256];

    private TimeSpan Skew => options.Validation.ClockSkew;

    public async Task<CheckedAssertions> CheckAsync(MatchingQueryOidcEvidence evidence, NameId querySubject)
    {
        var token = Read(evidence.IdToken);

        // RFC 8725 3.1: the algorithm is this service's choice, never the token's.
        if (!Algorithms.Contains(token.Alg, StringComparer.Ordinal))
        {
            throw new MatchingServiceException(MatchingServiceErrorCode.IdTokenAlgorithmRefused);
        }

        // The evidence names the IDP; the token's own iss must be that IDP, registered here (pinned keys, ADR 0025).
        var idp = options.OidcIdps.FirstOrDefault(i => string.Equals(i.Issuer, evidence.Issuer, StringComparison.Ordinal)
            && string.Equals(i.Issuer, token.Issuer, StringComparison.Ordinal))
            ?? throw new MatchingServiceException(MatchingServiceErrorCode.IdTokenIssuerUnknown);

        var result = await new JsonWebTokenHandler().ValidateTokenAsync(evidence.IdToken, new TokenValidationParameters
        {
            IssuerSigningKeys = idp.SigningKeys,
            TryAllIssuerSigningKeys = true,
            ValidAlgorithms = Algorithms,
            RequireSignedTokens = true,
            ValidIssuer = idp.Issuer,
            ValidAudience = idp.ClientId,

            // Times are this service's rule, on its clock (TimeProvider): see CheckTimes.
            ValidateLifetime = false,
            RequireExpirationTime = true,
        }).ConfigureAwait(false);
        if (!result.IsValid)
        {
            throw new MatchingServiceException(CodeFor(result.Exception));
        }

        // OIDC Core 3.1.3.7 #4-5: with several audiences there must be an azp, and an azp must be the hub.
        var hasAzp = token.TryGetPayloadValue<string>("azp", out var azp);
        if ((token.Audiences.Count() > 1 && !hasAzp) || (hasAzp && !string.Equals(azp, idp.ClientId, StringComparison.Ordinal)))
        {
            throw new MatchingServiceException(MatchingServiceErrorCode.IdTokenAudienceMismatch);
        }

        CheckTimes(token);

        // One citizen: the query's subject is the IDP's subject identifier, as the SAML path checks the NameID.
        if (querySubject is not { Format: NameIdFormats.Persistent } || !string.Equals(token.Subject, querySubject.Value, StringComparison.Ordinal))
        {
            throw new SamlException(SamlErrorCode.ProtocolSubjectMismatch);
        }

        // Levels are one vocabulary (ARCHITECTURE.md): acr is the authn-context URI; the level check follows in the validator.
        token.TryGetPayloadValue<string>("acr", out var acr);
        var authn = new AuthnStatement { AuthnInstant = AuthnInstant(token), AuthnContextClassRef = acr is { Length: > 0 and <= 256 } ? acr : "" };
        return new CheckedAssertions(idp.Issuer, token.Subject, authn, OidcDatasetReader.Dataset(token, HubVouched(evidence, idp, token)), null);
    }

    // ADR 0025 addendum: claims the hub took from userinfo are its word, signed in its query. They complete the dataset
    // only where this department accepts them for the IDP, and only for claims the ID token does not carry at all.
    private static Dictionary<string, string> HubVouched(MatchingQueryOidcEvidence evidence, TrustedOidcIdp idp, JsonWebToken token)
    {
        var vouched = new Dictionary<string, string>(StringComparer.Ordinal);
        if (evidence.VouchedByHub.Count == 0)
        {
            return vouched;
        }

        var absent = MatchingDatasetClaims.AbsentStandardClaims(token);
        if (!idp.AcceptHubVouchedClaims || evidence.VouchedByHub.Any(claim => !absent.Contains(claim.Name, StringComparer.Ordinal)))
        {
            throw new MatchingServiceException(MatchingServiceErrorCode.HubVouchedClaimsRefused);
        }

        foreach (var claim in evidence.VouchedByHub)
        {
            vouched[claim.Name] = claim.Value;
        }

        return vouched;
    }

    private static JsonWebToken Read(string idToken)
    {
        try
        {
            return new JsonWebToken(idToken);
        }
        catch (ArgumentException)
        {
            throw new MatchingServiceException(MatchingServiceErrorCode.IdTokenMalformed);
        }
    }

    // The IDP assertion age limit (IdpAssertionMaxAge, Verify: 60 minutes) from iat, as IssueInstant for SAML; nbf when given.
    private void CheckTimes(JsonWebToken token)
    {
        if (token.IssuedAt == DateTime.MinValue || token.ValidTo == DateTime.MinValue || token.ValidTo < token.IssuedAt)
        {
            throw new MatchingServiceException(MatchingServiceErrorCode.IdTokenExpired);
        }

        var issued = new DateTimeOffset(token.IssuedAt, TimeSpan.Zero);
        var notBefore = token.ValidFrom == DateTime.MinValue ? issued : new DateTimeOffset(token.ValidFrom, TimeSpan.Zero);
        if (issued > now + Skew || notBefore > now + Skew || issued < now - options.IdpAssertionMaxAge - Skew)
        {
            throw new MatchingServiceException(MatchingServiceErrorCode.IdTokenExpired);
        }
    }

    // OIDC Core 2: auth_time when the IDP sends it, else when it issued the token.
    private static DateTimeOffset AuthnInstant(JsonWebToken token) =>
        token.TryGetPayloadValue<long>("auth_time", out var seconds) && seconds > 0 && seconds < 253402300799
            ? DateTimeOffset.FromUnixTimeSeconds(seconds)
            : new DateTimeOffset(token.IssuedAt, TimeSpan.Zero);

    private static MatchingServiceErrorCode CodeFor(Exception? exception) => exception switch
    {
        SecurityTokenInvalidIssuerException => MatchingServiceErrorCode.IdTokenIssuerUnknown,
        SecurityTokenInvalidAudienceException => MatchingServiceErrorCode.IdTokenAudienceMismatch,
        SecurityTokenInvalidAlgorithmException => MatchingServiceErrorCode.IdTokenAlgorithmRefused,
        SecurityTokenNoExpirationException => MatchingServiceErrorCode.IdTokenExpired,
        SecurityTokenSignatureKeyNotFoundException or SecurityTokenInvalidSignatureException => MatchingServiceErrorCode.IdTokenSignatureInvalid,
        _ => MatchingServiceErrorCode.IdTokenMalformed,
    };
}
