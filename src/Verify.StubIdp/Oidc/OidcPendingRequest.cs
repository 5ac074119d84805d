namespace Verify.StubIdp.Oidc;

/// <summary>
/// A validated authorization request from the hub, waiting for the citizen's answer on the OIDC login page: where the
/// answer goes and what it must echo (state, nonce, PKCE challenge), the levels asked for, and when it arrived.
/// </summary>
internal sealed record OidcPendingRequest
{
    /// <summary>The white-labelled IDP the request was sent to.</summary>
    public required string Slug { get; init; }

    /// <summary>A random identifier of this request: each request is answered once.</summary>
    public required string RequestId { get; init; }

    /// <summary>The hub's client ID (validated).</summary>
    public required string ClientId { get; init; }

    /// <summary>The registered redirection URI the request named (validated by exact match).</summary>
    public required string RedirectUri { get; init; }

    /// <summary>The hub's state, returned unchanged (RFC 6749 4.1.2).</summary>
    public required string State { get; init; }

    /// <summary>The hub's nonce, copied into the ID token (OIDC Core 3.1.2.1).</summary>
    public required string Nonce { get; init; }

    /// <summary>The PKCE S256 code challenge (RFC 7636 4.3).</summary>
    public required string CodeChallenge { get; init; }

    /// <summary>The requested <c>acr_values</c>, in the hub's order of preference (OIDC Core 3.1.2.1).</summary>
    public IReadOnlyList<string> AcrValues { get; init; } = [];

    /// <summary>When the stub accepted the request (the stub's clock).</summary>
    public required DateTimeOffset ReceivedAt { get; init; }
}
