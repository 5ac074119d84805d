using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

using Verify.Saml.Validation;

namespace Verify.StubIdp.Oidc;

/// <summary>
/// <c>POST {issuer}/token</c>: the authorization code grant (RFC 6749 4.1.3, OIDC Core 3.1.3.2). The hub
/// authenticates (<see cref="ClientAssertionValidator"/>), the code must be ours, unexpired, issued to the hub for
/// this redirection URI, redeemed once, and its PKCE verifier must match (RFC 7636 4.6).
/// </summary>
internal sealed partial class TokenEndpoint(
    StubIdpOptions options,
    StubOidcOptions oidc,
    StubOidcUrls urls,
    ClientAssertionValidator clients,
    OidcSealer sealer,
    IdTokenFactory idTokens,
    IReplayCache redeemed,
    ILogger<TokenEndpoint> logger)
{
    private const string RedeemedScope = "stub-idp-oidc-code:";
    private const long MaxBodyLength = 16 * 1024;

    /// <summary>Handles one token request.</summary>
    public async Task<IResult> HandleAsync(HttpContext context, string slug)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (options.FindIdp(slug) is null)
        {
            return Results.NotFound();
        }

        if (!context.Request.HasFormContentType || context.Request.ContentLength is null or > MaxBodyLength)
        {
            return Refuse(slug, OidcError.InvalidRequest("The token request must be a form of at most 16 KB."));
        }

        var form = await context.Request.ReadFormAsync(context.RequestAborted);
        if (form.Any(field => field.Value.Count > 1))
        {
            // RFC 6749 3.2: request parameters MUST NOT be included more than once.
            return Refuse(slug, OidcError.InvalidRequest("A parameter is repeated."));
        }

        var issuer = urls.Issuer(slug);
        var clientError = await clients.ValidateAsync(issuer, urls.Token(slug), form["client_assertion_type"], form["client_assertion"], context.RequestAborted);
        if (clientError is null && form.ContainsKey("client_id") && !string.Equals(form["client_id"], oidc.HubClientId, StringComparison.Ordinal))
        {
            clientError = new OidcError("invalid_client", "The client_id is not the assertion's client.");
        }

        if (clientError is not null)
        {
            // RFC 6749 5.2: invalid_client is answered with 401.
            return Refuse(slug, clientError, StatusCodes.Status401Unauthorized);
        }

        if (!string.Equals(form["grant_type"], "authorization_code", StringComparison.Ordinal))
        {
            return Refuse(slug, new OidcError("unsupported_grant_type", "Only the authorization_code grant is supported."));
        }

        var grant = sealer.Unseal<AuthorizationCodeGrant>(OidcSealer.CodePurpose, slug, form["code"]);
        var now = options.TimeProvider.GetUtcNow();
        if (grant is null || !string.Equals(grant.Slug, slug, StringComparison.Ordinal) || !string.Equals(grant.ClientId, oidc.HubClientId, StringComparison.Ordinal)
            || now > grant.IssuedAt + oidc.CodeLifetime + options.RequestValidation.ClockSkew)
        {
            return Refuse(slug, new OidcError("invalid_grant", "The code is not valid here, or has expired."));
        }

        if (!string.Equals(form["redirect_uri"], grant.RedirectUri, StringComparison.Ordinal) || !PkceMatches(form["code_verifier"], grant.CodeChallenge))
        {
            return Refuse(slug, new OidcError("invalid_grant", "The redirection URI or the PKCE code verifier does not match the code."));
        }

        // RFC 6749 4.1.2: the code MUST NOT be used more than once.
        if (!await redeemed.TryAddAsync(RedeemedScope + slug, grant.CodeId, grant.IssuedAt + oidc.CodeLifetime + options.RequestValidation.ClockSkew, context.RequestAborted))
        {
            return Refuse(slug, new OidcError("invalid_grant", "The code has already been redeemed."));
        }

        var identity = options.FindIdentity(grant.IdentityKey);
        if (identity is null)
        {
            return Refuse(slug, new OidcError("invalid_grant", "The code's identity is no longer offered."));
        }

        var accessToken = sealer.Seal(OidcSealer.AccessTokenPurpose, slug, new AccessTokenGrant
        {
            Slug = slug,
            ClientId = grant.ClientId,
            IdentityKey = identity.Key,
            ExpiresAt = now + oidc.TokenLifetime,
        });
        StubOidcLog.CodeRedeemed(logger, slug);
        NoStore(context);
        return Results.Json(new
        {
            access_token = accessToken,
            token_type = "Bearer",
            expires_in = (long)oidc.TokenLifetime.TotalSeconds,
            id_token = idTokens.Create(issuer, grant, identity),
        });
    }

    /// <summary>RFC 7636 4.6: BASE64URL(SHA256(ASCII(code_verifier))) equals the challenge; the verifier is 43-128 unreserved characters.</summary>
    public static bool PkceMatches(string? verifier, string challenge)
    {
        if (verifier is null || !VerifierPattern().IsMatch(verifier))
        {
            return false;
        }

        var computed = Microsoft.IdentityModel.Tokens.Base64UrlEncoder.Encode(SHA256.HashData(Encoding.ASCII.GetBytes(verifier)));
        return CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(computed), Encoding.ASCII.GetBytes(challenge));
    }

    // RFC 6749 5.1: responses with tokens carry Cache-Control: no-store.
    private static void NoStore(HttpContext context)
    {
        context.Response.Headers.CacheControl = "no-store";
        context.Response.Headers.Pragma = "no-cache";
    }

    private IResult Refuse(string slug, OidcError error, int status = StatusCodes.Status400BadRequest)
    {
        StubOidcLog.TokenRequestRefused(logger, slug, error.Code, error.Description);
        return Results.Json(new { error = error.Code, error_description = error.Description }, statusCode: status);
    }

    [GeneratedRegex("^[A-Za-z0-9._~-]{43,128}$", RegexOptions.CultureInvariant)]
    private static partial Regex VerifierPattern();
}
