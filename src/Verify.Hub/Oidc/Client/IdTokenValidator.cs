using System.Security.Cryptography;
using System.Text;

using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

using Verify.Hub.Journey.Assurance;
using Verify.Saml.Saml;

namespace Verify.Hub.Oidc.Client;

/// <summary>
/// Checks an OpenID Connect IDP's ID token as OIDC Core 3.1.3.7 requires, with the hub profile on top (ADR 0022):
/// a signed compact JWS (RS256, PS256 or ES256 only) by one of the IDP's registered keys, <c>iss</c> exactly the
/// selected IDP's issuer, <c>aud</c> the hub's client ID (and <c>azp</c> the hub when there are several audiences),
/// unexpired and recent, the nonce of this journey's request, a subject, and an <c>acr</c> that is a level the IDP
/// is certified for, or <c>levelX</c> with the fraud indicators. Anything else throws; nothing is half-accepted.
/// </summary>
public static class IdTokenValidator
{
    /// <summary>The largest ID token read (a Verify dataset with history is a few kilobytes).</summary>
    public const int MaxLength = 32 * 1024;

    private static readonly string[] Algorithms = [SecurityAlgorithms.RsaSha256, SecurityAlgorithms.RsaSsaPssSha256, SecurityAlgorithms.EcdsaSha256];

    /// <summary>The answer the token carries.</summary>
    /// <exception cref="OidcClientException">A rule is broken; the code says which.</exception>
    public static async Task<OidcIdpAnswer> ValidateAsync(string? idToken, ExpectedIdToken expected)
    {
        ArgumentNullException.ThrowIfNull(expected);
        var token = Read(idToken);

        // RFC 8725 3.1: the algorithm is the hub's choice, never the token's (no "none", no HMAC with a public key).
        if (!Algorithms.Contains(token.Alg, StringComparer.Ordinal))
        {
            throw new OidcClientException(OidcClientErrorCode.IdTokenAlgorithmRefused, "The ID token's algorithm is not accepted.");
        }

        var result = await new JsonWebTokenHandler().ValidateTokenAsync(idToken, new TokenValidationParameters
        {
            IssuerSigningKeys = expected.SigningKeys,
            TryAllIssuerSigningKeys = true,
            ValidAlgorithms = Algorithms,
            RequireSignedTokens = true,
            ValidIssuer = expected.Issuer,
            ValidAudience = expected.ClientId,

            // Times are checked below against the hub's clock (TimeProvider), not the system's.
            ValidateLifetime = false,
            RequireExpirationTime = true,
        }).ConfigureAwait(false);
        if (!result.IsValid)
        {
            throw new OidcClientException(CodeFor(result.Exception), "The ID token failed validation.");
        }

        CheckAuthorizedParty(token, expected.ClientId);
        CheckTimes(token, expected);

        // OIDC Core 3.1.3.7 #11: the nonce is the one sent in this journey's request.
        if (!token.TryGetPayloadValue<string>("nonce", out var nonce) || !FixedTimeEquals(nonce, expected.Nonce))
        {
            throw new OidcClientException(OidcClientErrorCode.IdTokenNonceMismatch, "The ID token's nonce is not this journey's.");
        }

        if (string.IsNullOrEmpty(token.Subject) || token.Subject.Length > 255)
        {
            throw new OidcClientException(OidcClientErrorCode.IdTokenSubjectMissing, "The ID token has no usable subject.");
        }

        token.TryGetPayloadValue<string>("acr", out var acr);
        if (string.Equals(acr, AuthnContexts.LevelX, StringComparison.Ordinal))
        {
            return Fraud(token);
        }

        // Levels are one vocabulary: the acr value is the authn-context URI. An IDP may not assert above its certification.
        if (!LevelOfAssurance.TryFromAuthnContext(acr, out var level) || !expected.CertifiedLevels.Contains(level))
        {
            throw new OidcClientException(OidcClientErrorCode.IdTokenLevelRefused, "The ID token's acr is not a level the IDP is certified for.");
        }

        // ADR 0025 addendum: userinfo is about the same subject (OpenIddict checks it too), or it is not used at all.
        if (expected.UserInfo is { } userInfo && !FixedTimeEquals(userInfo.Subject, token.Subject))
        {
            throw new OidcClientException(OidcClientErrorCode.UserInfoSubjectMismatch, "The userinfo answer is about another subject.");
        }

        var (dataset, vouched) = IdpClaimsReader.Dataset(token, expected.UserInfo);
        return new OidcIdpAnswer(token.Subject, level, dataset, null, null, vouched);
    }

    private static JsonWebToken Read(string? idToken)
    {
        if (string.IsNullOrEmpty(idToken) || idToken.Length > MaxLength || idToken.Count(c => c == '.') != 2)
        {
            throw new OidcClientException(OidcClientErrorCode.IdTokenMalformed, "The ID token is missing, too large or not a compact JWS.");
        }

        try
        {
            return new JsonWebToken(idToken);
        }
        catch (ArgumentException)
        {
            throw new OidcClientException(OidcClientErrorCode.IdTokenMalformed, "The ID token cannot be read.");
        }
    }

    // OIDC Core 3.1.3.7 #4-5: with several audiences there must be an azp, and an azp must be the hub.
    private static void CheckAuthorizedParty(JsonWebToken token, string clientId)
    {
        var hasAzp = token.TryGetPayloadValue<string>("azp", out var azp);
        if ((token.Audiences.Count() > 1 && !hasAzp) || (hasAzp && !string.Equals(azp, clientId, StringComparison.Ordinal)))
        {
            throw new OidcClientException(OidcClientErrorCode.IdTokenAudienceMismatch, "The ID token was issued to another client.");
        }
    }

    // OIDC Core 3.1.3.7 #9-10: exp in the future; iat recent enough.
    private static void CheckTimes(JsonWebToken token, ExpectedIdToken expected)
    {
        var expires = new DateTimeOffset(token.ValidTo, TimeSpan.Zero);
        var issued = token.IssuedAt == DateTime.MinValue ? (DateTimeOffset?)null : new DateTimeOffset(token.IssuedAt, TimeSpan.Zero);
        if (expires + expected.ClockSkew <= expected.Now || issued is null || issued > expected.Now + expected.ClockSkew || issued < expected.Now - expected.MaxAge)
        {
            throw new OidcClientException(OidcClientErrorCode.IdTokenExpired, "The ID token has expired or is not recent.");
        }
    }

    // VERIFY-REFERENCE.md: a fraud answer is levelX plus the fraud event ID and the GPG 45 indicator.
    private static OidcIdpAnswer Fraud(JsonWebToken token)
    {
        if (!token.TryGetPayloadValue<string>(IdpClaimNames.FraudEventId, out var eventId) || eventId is not { Length: > 0 and <= 255 }
            || !token.TryGetPayloadValue<string>(IdpClaimNames.Gpg45Status, out var indicator) || !Enum.TryParse<Gpg45Status>(indicator, ignoreCase: false, out var status)
            || !Enum.IsDefined(status) || int.TryParse(indicator, out _))
        {
            throw new OidcClientException(OidcClientErrorCode.IdTokenFraudIndicatorsMissing, "A levelX answer must carry the fraud indicators.");
        }

        return new OidcIdpAnswer(token.Subject, null, null, eventId, status);
    }

    private static OidcClientErrorCode CodeFor(Exception? exception) => exception switch
    {
        SecurityTokenInvalidIssuerException => OidcClientErrorCode.IdTokenIssuerMismatch,
        SecurityTokenInvalidAudienceException => OidcClientErrorCode.IdTokenAudienceMismatch,
        SecurityTokenInvalidAlgorithmException => OidcClientErrorCode.IdTokenAlgorithmRefused,
        SecurityTokenNoExpirationException => OidcClientErrorCode.IdTokenExpired,
        SecurityTokenSignatureKeyNotFoundException or SecurityTokenInvalidSignatureException => OidcClientErrorCode.IdTokenSignatureInvalid,
        _ => OidcClientErrorCode.IdTokenMalformed,
    };

    private static bool FixedTimeEquals(string? actual, string expected) =>
        actual is not null && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(actual), Encoding.UTF8.GetBytes(expected));
}
