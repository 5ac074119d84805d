namespace Verify.StubIdp.Oidc;

/// <summary>
/// What <see cref="AuthorizationRequestValidator"/> decided. An error until proven otherwise (STYLE.md): only the
/// validator creates a result with <see cref="Pending"/>. When <see cref="RedirectUri"/> is null the client or its
/// redirection URI could not be trusted, and the error is shown to the user instead (RFC 6749 4.1.2.1).
/// </summary>
internal sealed record AuthorizationRequestResult
{
    private AuthorizationRequestResult()
    {
    }

    /// <summary>The accepted request, or null.</summary>
    public OidcPendingRequest? Pending { get; private init; }

    /// <summary>Why the request is refused, or null.</summary>
    public OidcError? Error { get; private init; }

    /// <summary>The trusted redirection URI to send the error to, or null to show it.</summary>
    public string? RedirectUri { get; private init; }

    /// <summary>The state to return with a redirected error.</summary>
    public string? State { get; private init; }

    internal static AuthorizationRequestResult Accepted(OidcPendingRequest pending) => new() { Pending = pending };

    internal static AuthorizationRequestResult Shown(OidcError error) => new() { Error = error };

    internal static AuthorizationRequestResult Redirected(OidcError error, string redirectUri, string? state) =>
        new() { Error = error, RedirectUri = redirectUri, State = state };
}
