using Microsoft.AspNetCore.WebUtilities;

namespace Verify.StubIdp.Oidc;

/// <summary>The authorization response URLs (RFC 6749 4.1.2; RFC 9207 adds <c>iss</c>).</summary>
internal static class OidcRedirect
{
    /// <summary>The success response: the code, the client's state, and this issuer.</summary>
    public static string Code(string redirectUri, string code, string state, string issuer) =>
        QueryHelpers.AddQueryString(redirectUri, new Dictionary<string, string?> { ["code"] = code, ["state"] = state, ["iss"] = issuer });

    /// <summary>The error response (OIDC Core 3.1.2.6), with Verify's detail when there is one.</summary>
    public static string Error(string redirectUri, OidcError error, string? detail, string? state, string issuer)
    {
        var parameters = new Dictionary<string, string?>
        {
            ["error"] = error.Code,
            ["error_description"] = error.Description,
        };
        if (detail is not null)
        {
            parameters[StubOidcOutcomes.DetailParameter] = detail;
        }

        if (state is not null)
        {
            parameters["state"] = state;
        }

        parameters["iss"] = issuer;
        return QueryHelpers.AddQueryString(redirectUri, parameters);
    }
}
