namespace Verify.Hub.Oidc.Client;

/// <summary>
/// Why the hub refused an OpenID Connect IDP's answer (ADR 0022): stable numbers (the catalogue ID is
/// <c>VO</c> + the number), each refusal audited once with its ID, the journey unchanged.
/// </summary>
public enum OidcClientErrorCode
{
    /// <summary>The ID token is missing, too large or not a signed compact JWS.</summary>
    IdTokenMalformed = 3001,

    /// <summary>The ID token's algorithm is not one the hub accepts (<c>none</c>, HMAC…).</summary>
    IdTokenAlgorithmRefused = 3002,

    /// <summary>The ID token is not signed by one of the IDP's registered keys.</summary>
    IdTokenSignatureInvalid = 3003,

    /// <summary><c>iss</c> is not the selected IDP's issuer.</summary>
    IdTokenIssuerMismatch = 3004,

    /// <summary><c>aud</c> does not name the hub's client ID (or <c>azp</c> is another client).</summary>
    IdTokenAudienceMismatch = 3005,

    /// <summary>The ID token has expired, is not yet valid, or was issued too long ago.</summary>
    IdTokenExpired = 3006,

    /// <summary><c>nonce</c> is not the one the hub sent with this journey's request.</summary>
    IdTokenNonceMismatch = 3007,

    /// <summary><c>sub</c> is missing or unusable.</summary>
    IdTokenSubjectMissing = 3008,

    /// <summary><c>acr</c> is missing, unknown, or a level the IDP is not certified for.</summary>
    IdTokenLevelRefused = 3009,

    /// <summary>The identity claims are missing or unreadable (no matching dataset).</summary>
    IdTokenClaimsInvalid = 3010,

    /// <summary>A <c>levelX</c> answer without its fraud indicators.</summary>
    IdTokenFraudIndicatorsMissing = 3011,

    /// <summary>The journey expected no OpenID Connect answer (its selected IDP speaks SAML, or it is not at an IDP).</summary>
    AnswerUnexpected = 3012,

    /// <summary>The state is missing, unreadable, expired, or belongs to another journey or request.</summary>
    StateMismatch = 3013,

    /// <summary>The authorization response or the token exchange failed OpenIddict's checks (iss, code redemption, token).</summary>
    ResponseRefused = 3014,

    /// <summary>The userinfo answer is about another subject than the ID token (OIDC Core 5.3.2), or unreadable.</summary>
    UserInfoSubjectMismatch = 3015,
}
