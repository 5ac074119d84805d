using System.Security.Cryptography;
using System.Text.RegularExpressions;

using Microsoft.AspNetCore.Http;

namespace Verify.StubIdp.Oidc;

/// <summary>
/// Checks the hub's authorization request (OIDC Core 3.1.2.1/3.1.2.2) before anything is shown: the client and its
/// redirection URI first (until both are trusted, errors are shown, never redirected: RFC 6749 4.1.2.1), then the
/// hub profile: code flow only, <c>openid</c> scope, PKCE with S256 (RFC 7636; OAuth 2.0 Security BCP 2.1.1), a
/// nonce and a state, no request objects.
/// </summary>
internal sealed partial class AuthorizationRequestValidator(StubIdpOptions options, StubOidcOptions oidc)
{
    // Generous for every parameter the hub sends (a state token is the longest, about a kilobyte), tight enough that
    // nothing large is sealed into the login URL.
    private const int MaxParameterLength = 2048;
    private const int MaxAcrValues = 5;

    private static readonly string[] Parameters =
        ["client_id", "redirect_uri", "response_type", "scope", "state", "nonce", "code_challenge", "code_challenge_method", "acr_values"];

    /// <summary>Validates the query of <c>GET {issuer}/authorize</c>.</summary>
    public AuthorizationRequestResult Validate(string slug, IQueryCollection query)
    {
        ArgumentNullException.ThrowIfNull(query);

        // RFC 6749 3.1: request parameters MUST NOT be included more than once.
        if (Parameters.Any(name => query[name].Count > 1) || Parameters.Any(name => query[name].ToString().Length > MaxParameterLength))
        {
            return AuthorizationRequestResult.Shown(OidcError.InvalidRequest("A parameter is repeated or too long."));
        }

        var clientId = query["client_id"].ToString();
        var redirectUri = query["redirect_uri"].ToString();
        if (!string.Equals(clientId, oidc.HubClientId, StringComparison.Ordinal))
        {
            return AuthorizationRequestResult.Shown(new OidcError("unauthorized_client", "The client is not registered at this identity provider."));
        }

        // OAuth 2.0 Security BCP 4.1.3: redirection URIs are compared by exact string match.
        if (!oidc.HubRedirectUris.Contains(redirectUri, StringComparer.Ordinal))
        {
            return AuthorizationRequestResult.Shown(OidcError.InvalidRequest("The redirection URI is not registered for the client."));
        }

        var state = query["state"].ToString();
        if (CheckProfile(query) is { } error)
        {
            return AuthorizationRequestResult.Redirected(error, redirectUri, state.Length == 0 ? null : state);
        }

        return AuthorizationRequestResult.Accepted(new OidcPendingRequest
        {
            Slug = slug,
            RequestId = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)),
            ClientId = clientId,
            RedirectUri = redirectUri,
            State = state,
            Nonce = query["nonce"].ToString(),
            CodeChallenge = query["code_challenge"].ToString(),
            AcrValues = SplitAcrValues(query["acr_values"].ToString()),
            ReceivedAt = options.TimeProvider.GetUtcNow(),
        });
    }

    private static OidcError? CheckProfile(IQueryCollection query)
    {
        // OIDC Core 6: request objects are not supported by this provider.
        if (query.ContainsKey("request") || query.ContainsKey("request_uri"))
        {
            return new OidcError(query.ContainsKey("request") ? "request_not_supported" : "request_uri_not_supported", "Request objects are not supported.");
        }

        if (!string.Equals(query["response_type"], "code", StringComparison.Ordinal))
        {
            return new OidcError("unsupported_response_type", "Only the authorization code flow (response_type=code) is supported.");
        }

        if (!query["scope"].ToString().Split(' ').Contains("openid", StringComparer.Ordinal))
        {
            return new OidcError("invalid_scope", "The openid scope is required.");
        }

        if (string.IsNullOrEmpty(query["state"]) || string.IsNullOrEmpty(query["nonce"]))
        {
            return OidcError.InvalidRequest("A state and a nonce are required.");
        }

        // RFC 7636 4.2/4.3: S256 only (plain leaks the verifier); the challenge is 43 base64url characters.
        if (!string.Equals(query["code_challenge_method"], "S256", StringComparison.Ordinal)
            || !ChallengePattern().IsMatch(query["code_challenge"].ToString()))
        {
            return OidcError.InvalidRequest("PKCE with code_challenge_method=S256 is required.");
        }

        var acrValues = query["acr_values"].ToString();
        if (acrValues.Length > 0 && SplitAcrValues(acrValues).Count is 0 or > MaxAcrValues)
        {
            return OidcError.InvalidRequest("acr_values lists too many values.");
        }

        return null;
    }

    private static List<string> SplitAcrValues(string value) =>
        [.. value.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];

    [GeneratedRegex("^[A-Za-z0-9_-]{43}$", RegexOptions.CultureInvariant)]
    private static partial Regex ChallengePattern();
}
