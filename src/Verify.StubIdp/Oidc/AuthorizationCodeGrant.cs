namespace Verify.StubIdp.Oidc;

/// <summary>
/// What an authorization code stands for, sealed into the code itself (no server-side store, like the SAML side's
/// pending requests); <see cref="CodeId"/> makes it single-use through the replay cache (RFC 6749 4.1.2).
/// </summary>
internal sealed record AuthorizationCodeGrant
{
    /// <summary>A random identifier, recorded when the code is redeemed.</summary>
    public required string CodeId { get; init; }

    /// <summary>The IDP that issued it.</summary>
    public required string Slug { get; init; }

    /// <summary>The client it was issued to.</summary>
    public required string ClientId { get; init; }

    /// <summary>The redirection URI of the authorization request: the token request must name the same (RFC 6749 4.1.3).</summary>
    public required string RedirectUri { get; init; }

    /// <summary>The PKCE S256 challenge the code verifier must match (RFC 7636 4.6).</summary>
    public required string CodeChallenge { get; init; }

    /// <summary>The nonce for the ID token.</summary>
    public required string Nonce { get; init; }

    /// <summary>The authentication context reached (a level URI, or <c>levelX</c> for fraud).</summary>
    public required string Acr { get; init; }

    /// <summary>The test identity signed in as.</summary>
    public required string IdentityKey { get; init; }

    /// <summary>The GPG 45 fraud indicator of a fraud outcome (e.g. <c>DF01</c>), or null.</summary>
    public string? Gpg45Status { get; init; }

    /// <summary>The address the citizen reached the IDP from (Verify's <c>TXN_IPaddress</c>).</summary>
    public required string ClientAddress { get; init; }

    /// <summary>When the citizen signed in (the ID token's <c>auth_time</c>) and the code was issued.</summary>
    public required DateTimeOffset IssuedAt { get; init; }
}
