using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

using Verify.Saml.Validation;

namespace Verify.StubIdp.Oidc;

/// <summary>
/// Authenticates the hub at the token endpoint by <c>private_key_jwt</c> (OIDC Core 9, RFC 7523 3): a JWT signed by
/// one of the hub's pinned keys, <c>iss</c> and <c>sub</c> the client ID, <c>aud</c> this issuer or its token
/// endpoint, unexpired and short-lived, and a <c>jti</c> never seen before (OIDC Core 9: the JWT MUST NOT be reused).
/// </summary>
internal sealed class ClientAssertionValidator(StubIdpOptions options, StubOidcOptions oidc, StubOidcKeys keys, IReplayCache seen)
{
    /// <summary>The only assertion type accepted (RFC 7523 2.2).</summary>
    public const string AssertionType = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";

    private const string ReplayScope = "stub-idp-oidc-client-assertion:";
    private const int MaxAssertionLength = 8 * 1024;

    /// <summary>Null when the assertion authenticates the hub; otherwise why not (an <c>invalid_client</c> error).</summary>
    public async Task<OidcError?> ValidateAsync(string issuer, string tokenEndpoint, string? assertionType, string? assertion, CancellationToken cancellationToken)
    {
        if (!string.Equals(assertionType, AssertionType, StringComparison.Ordinal) || string.IsNullOrEmpty(assertion) || assertion.Length > MaxAssertionLength)
        {
            return Invalid("Client authentication by private_key_jwt is required.");
        }

        var parameters = new TokenValidationParameters
        {
            IssuerSigningKeys = keys.HubKeys,
            TryAllIssuerSigningKeys = true,
            ValidAlgorithms = StubOidcKeys.AcceptedAlgorithms,
            ValidIssuer = oidc.HubClientId,
            ValidAudiences = [issuer, tokenEndpoint],
            RequireSignedTokens = true,

            // Times are checked below against the injected clock.
            ValidateLifetime = false,
            RequireExpirationTime = true,
        };
        var result = await new JsonWebTokenHandler().ValidateTokenAsync(assertion, parameters);
        if (!result.IsValid || result.SecurityToken is not JsonWebToken token)
        {
            return Invalid("The client assertion is not signed by the client's key or names the wrong issuer or audience.");
        }

        var now = options.TimeProvider.GetUtcNow();
        var skew = options.RequestValidation.ClockSkew;
        if (!string.Equals(token.Subject, oidc.HubClientId, StringComparison.Ordinal))
        {
            return Invalid("The client assertion's subject is not the client.");
        }

        var expires = new DateTimeOffset(token.ValidTo, TimeSpan.Zero);
        if (expires + skew < now || expires > now + oidc.MaxClientAssertionLifetime + skew
            || (token.ValidFrom != DateTime.MinValue && new DateTimeOffset(token.ValidFrom, TimeSpan.Zero) > now + skew))
        {
            return Invalid("The client assertion has expired, is not yet valid, or lives too long.");
        }

        if (string.IsNullOrEmpty(token.Id) || token.Id.Length > 256
            || !await seen.TryAddAsync(ReplayScope + oidc.HubClientId, token.Id, expires + skew, cancellationToken))
        {
            return Invalid("The client assertion has no identifier or was used before.");
        }

        return null;
    }

    private static OidcError Invalid(string description) => new("invalid_client", description);
}
