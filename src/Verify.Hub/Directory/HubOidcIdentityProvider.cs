namespace Verify.Hub.Directory;

/// <summary>An IDP that speaks OpenID Connect, as the hub's client needs it (ADR 0022).</summary>
public sealed record HubOidcIdentityProvider
{
    /// <summary>Its issuer identifier: compared exactly with <c>iss</c>, the base of its discovery document.</summary>
    public required string Issuer { get; init; }

    /// <summary>The hub's client ID at this IDP: the audience of its ID tokens.</summary>
    public required string ClientId { get; init; }

    /// <summary>Its pinned JWKS (JSON), or null when the keys of its discovery document's <c>jwks_uri</c> are trusted.</summary>
    public string? PinnedJwks { get; init; }

    /// <summary>Scopes asked for besides <c>openid</c>.</summary>
    public IReadOnlyList<string> Scopes { get; init; } = [];
}
