using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;

using Verify.Saml.Saml;

namespace Verify.StubIdp.Oidc;

/// <summary>
/// The OpenID Provider endpoints of every white-labelled IDP, under <c>/{slug}/oidc</c>: discovery (OIDC Discovery
/// 4), JWKS, authorization (redirects to the login page), token (<see cref="TokenEndpoint"/>) and userinfo
/// (OIDC Core 5.3). The login page is <c>Pages/Oidc/OidcLogin</c>.
/// </summary>
internal static class StubOidcEndpoints
{
    private static readonly string[] ResponseTypes = ["code"];
    private static readonly string[] Scopes = ["openid", "profile", "address"];
    private static readonly string[] SigningAlgorithms = ["RS256", "ES256"];
    private static readonly string[] AuthMethods = ["private_key_jwt"];
    private static readonly string[] ChallengeMethods = ["S256"];
    private static readonly string[] SubjectTypes = ["pairwise"];
    private static readonly string[] AcrValues = [AuthnContexts.Level1, AuthnContexts.Level2, AuthnContexts.LevelX];
    private static readonly string[] Claims =
        ["sub", "acr", "auth_time", "nonce", "given_name", "middle_name", "family_name", "birthdate", "gender", "address",
         StubOidcClaims.MatchingDataset, StubOidcClaims.Gpg45Status, StubOidcClaims.FraudEventId, StubOidcClaims.IpAddress];

    /// <summary>Maps the endpoints.</summary>
    public static void MapStubOidc(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/{slug}/" + StubOidcUrls.Segment);
        group.MapGet("/.well-known/openid-configuration", Discovery);
        group.MapGet("/jwks", (string slug, StubIdpOptions options, StubOidcKeys keys) =>
            options.FindIdp(slug) is null ? Results.NotFound() : Results.Json(keys.JwksDocument(), contentType: "application/jwk-set+json"));
        group.MapGet("/authorize", Authorize);
        group.MapPost("/token", (HttpContext context, string slug, TokenEndpoint endpoint) => endpoint.HandleAsync(context, slug));
        group.MapGet("/userinfo", UserInfo);
        group.MapPost("/userinfo", UserInfo);
    }

    private static IResult Discovery(string slug, StubIdpOptions options, StubOidcUrls urls)
    {
        if (options.FindIdp(slug) is null)
        {
            return Results.NotFound();
        }

        return Results.Json(new Dictionary<string, object>
        {
            ["issuer"] = urls.Issuer(slug),
            ["authorization_endpoint"] = urls.Authorization(slug),
            ["token_endpoint"] = urls.Token(slug),
            ["userinfo_endpoint"] = urls.UserInfo(slug),
            ["jwks_uri"] = urls.Jwks(slug),
            ["response_types_supported"] = ResponseTypes,
            ["scopes_supported"] = Scopes,
            ["subject_types_supported"] = SubjectTypes,
            ["id_token_signing_alg_values_supported"] = SigningAlgorithms,
            ["token_endpoint_auth_methods_supported"] = AuthMethods,
            ["token_endpoint_auth_signing_alg_values_supported"] = StubOidcKeys.AcceptedAlgorithms,
            ["code_challenge_methods_supported"] = ChallengeMethods,
            ["acr_values_supported"] = AcrValues,
            ["claims_supported"] = Claims,
            ["claims_parameter_supported"] = false,
            ["request_parameter_supported"] = false,
            ["request_uri_parameter_supported"] = false,

            // RFC 9207: the iss parameter comes with every authorization response (mix-up defence).
            ["authorization_response_iss_parameter_supported"] = true,
        });
    }

    private static IResult Authorize(
        HttpContext context, string slug, StubIdpOptions options, AuthorizationRequestValidator validator, OidcSealer sealer, StubOidcUrls urls,
        ILoggerFactory loggers)
    {
        if (options.FindIdp(slug) is null)
        {
            return Results.NotFound();
        }

        var logger = loggers.CreateLogger(typeof(StubOidcEndpoints));
        var result = validator.Validate(slug, context.Request.Query);
        if (result.Pending is { } pending)
        {
            StubOidcLog.AuthorizationAccepted(logger, slug, pending.RequestId);
            context.Response.Headers.CacheControl = "no-store";
            return Results.Redirect(StubOidcUrls.LoginPath(slug, sealer.Seal(OidcSealer.PendingPurpose, slug, pending)), permanent: false, preserveMethod: false);
        }

        var error = result.Error!;
        StubOidcLog.AuthorizationRefused(logger, slug, error.Code, error.Description);
        if (result.RedirectUri is { } redirectUri)
        {
            return Results.Redirect(OidcRedirect.Error(redirectUri, error, null, result.State, urls.Issuer(slug)));
        }

        // RFC 6749 4.1.2.1: with an untrusted client or redirection URI, tell the user and redirect nowhere.
        return Results.Text($"The sign-in request was refused: {error.Code}. {error.Description}", "text/plain", statusCode: StatusCodes.Status400BadRequest);
    }

    private static IResult UserInfo(HttpContext context, string slug, StubIdpOptions options, OidcSealer sealer, StubOidcUrls urls, ILoggerFactory loggers)
    {
        if (options.FindIdp(slug) is null)
        {
            return Results.NotFound();
        }

        // RFC 6750 2.1: the access token comes in the Authorization header (Bearer).
        var header = context.Request.Headers.Authorization.ToString();
        var token = header.StartsWith("Bearer ", StringComparison.Ordinal) ? header["Bearer ".Length..].Trim() : null;
        var grant = sealer.Unseal<AccessTokenGrant>(OidcSealer.AccessTokenPurpose, slug, token);
        var identity = grant is null || grant.ExpiresAt < options.TimeProvider.GetUtcNow() ? null : options.FindIdentity(grant.IdentityKey);
        if (identity is null)
        {
            StubOidcLog.UserInfoRefused(loggers.CreateLogger(typeof(StubOidcEndpoints)), slug);
            context.Response.Headers.WWWAuthenticate = "Bearer error=\"invalid_token\"";
            return Results.Unauthorized();
        }

        var claims = StubOidcClaims.For(identity);
        claims["sub"] = IdTokenFactory.Subject(urls.Issuer(slug), identity.Key);
        context.Response.Headers.CacheControl = "no-store";
        return Results.Json(claims);
    }
}
