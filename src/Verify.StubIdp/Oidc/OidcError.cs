namespace Verify.StubIdp.Oidc;

/// <summary>An OAuth 2.0 / OIDC error answer: the <c>error</c> code and a description safe to show and log.</summary>
/// <param name="Code">The registered error code (RFC 6749 4.1.2.1, 5.2; OIDC Core 3.1.2.6).</param>
/// <param name="Description">Why, in words that quote nothing from the request.</param>
internal sealed record OidcError(string Code, string Description)
{
    /// <summary><c>invalid_request</c>.</summary>
    public static OidcError InvalidRequest(string description) => new("invalid_request", description);
}
