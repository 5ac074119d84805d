using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

using Verify.StubIdp.Identities;

namespace Verify.StubIdp.Oidc;

/// <summary>
/// Writes the ID token for a redeemed code (OIDC Core 2, 3.1.3.6): issuer, the identity's PID at this IDP as
/// <c>sub</c>, the hub as audience, the nonce, <c>acr</c> the authn-context URI reached, <c>auth_time</c>, and the
/// identity claims (<see cref="StubOidcClaims"/>, unless <see cref="StubOidcOptions.IdentityClaimsAtUserInfoOnly"/>),
/// signed with the stub's key.
/// </summary>
internal sealed class IdTokenFactory(StubIdpOptions options, StubOidcOptions oidc, StubOidcKeys keys)
{
    /// <summary>The signed ID token.</summary>
    public string Create(string issuer, AuthorizationCodeGrant grant, TestIdentity identity)
    {
        ArgumentNullException.ThrowIfNull(grant);
        var now = options.TimeProvider.GetUtcNow();
        // OIDC Core 5.4: an OP may release scope claims at userinfo only; the stub can, to exercise the hub's fallback.
        var claims = oidc.IdentityClaimsAtUserInfoOnly ? new Dictionary<string, object>(StringComparer.Ordinal) : StubOidcClaims.For(identity);
        claims["sub"] = Subject(issuer, identity.Key);
        claims["nonce"] = grant.Nonce;
        claims["acr"] = grant.Acr;
        claims["auth_time"] = grant.IssuedAt.ToUnixTimeSeconds();
        claims[StubOidcClaims.IpAddress] = grant.ClientAddress;
        if (grant.Gpg45Status is { } indicator)
        {
            claims[StubOidcClaims.Gpg45Status] = indicator;
            claims[StubOidcClaims.FraudEventId] = "fraud-" + grant.CodeId[..12];
        }

        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = grant.ClientId,
            IssuedAt = now.UtcDateTime,
            NotBefore = now.UtcDateTime,
            Expires = (now + oidc.TokenLifetime).UtcDateTime,
            Claims = claims,
            SigningCredentials = keys.Signing,
            TokenType = "JWT",
        };
        return new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(descriptor);
    }

    /// <summary>
    /// The <c>sub</c> of an identity at an issuer: the same derivation as the SAML side's persistent NameID
    /// (<see cref="PersistentIds"/>), keyed by the issuer, so it is stable at one IDP and different at every other.
    /// </summary>
    public static string Subject(string issuer, string identityKey) => PersistentIds.For(issuer, identityKey);
}
