using Microsoft.Extensions.Options;

namespace Verify.StubIdp.Oidc;

/// <summary>
/// The stub's OpenID Connect side (ADR 0022): every white-labelled IDP is also an OpenID Provider at
/// <c>/{slug}/oidc</c>, with the hub as its only client. The hub authenticates at the token endpoint with
/// <c>private_key_jwt</c> signed by one of <see cref="StubIdpOptions.HubSigningCertificates"/> (the keys the stub
/// already pins for the hub's AuthnRequests: one trust decision for both protocols).
/// </summary>
public sealed record StubOidcOptions
{
    /// <summary>The hub's <c>client_id</c> at the stub (the <c>iss</c> and <c>sub</c> of its client assertions).</summary>
    public required string HubClientId { get; init; }

    /// <summary>The hub's registered redirection URIs: exact matches only (OAuth 2.0 Security BCP 4.1.3).</summary>
    public required IReadOnlyList<string> HubRedirectUris { get; init; }

    /// <summary>
    /// The base URL of the OpenID Provider when it differs from the stub's public URL (ending in <c>/</c>); null for the
    /// stub's own. start-dev serves it at <c>https://localhost:{port}/</c>, a name both the browser and the hub's back
    /// channel resolve without /etc/hosts (the sample TLS certificate names localhost too).
    /// </summary>
    public Uri? PublicBaseUrl { get; init; }

    /// <summary>How long an authorization code can be redeemed (RFC 6749 4.1.2 recommends at most 10 minutes).</summary>
    public TimeSpan CodeLifetime { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>How long ID tokens and access tokens are valid.</summary>
    public TimeSpan TokenLifetime { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// Whether the identity claims (standard claims and <c>verify_mds</c>) are released at the userinfo endpoint only,
    /// the ID token carrying none (OIDC Core 5.4 lets an OP do so): the IDP the hub completes from userinfo and vouches
    /// for (ADR 0025 addendum). Default false: the ID token carries them too.
    /// </summary>
    public bool IdentityClaimsAtUserInfoOnly { get; init; }

    /// <summary>The longest lifetime a client assertion may claim (its <c>exp</c> after now).</summary>
    public TimeSpan MaxClientAssertionLifetime { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>Every problem with these options; empty when they are usable.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(HubClientId) || HubClientId.Length > 200)
        {
            problems.Add("Oidc.HubClientId is required (at most 200 characters).");
        }

        if (HubRedirectUris is null || HubRedirectUris.Count == 0)
        {
            problems.Add("Oidc.HubRedirectUris needs at least one URI.");
        }
        else if (HubRedirectUris.Any(uri => !Uri.TryCreate(uri, UriKind.Absolute, out var parsed)
            || parsed.Scheme is not ("https" or "http") || !string.IsNullOrEmpty(parsed.Fragment)))
        {
            // OAuth 2.0 (RFC 6749 3.1.2): the redirection endpoint URI is absolute and has no fragment.
            problems.Add("Oidc.HubRedirectUris must be absolute http(s) URLs without a fragment.");
        }

        if (PublicBaseUrl is { } publicBase && (!publicBase.IsAbsoluteUri || publicBase.Scheme is not ("https" or "http")
            || !publicBase.AbsolutePath.EndsWith('/') || !string.IsNullOrEmpty(publicBase.Query) || !string.IsNullOrEmpty(publicBase.Fragment)))
        {
            problems.Add("Oidc.PublicBaseUrl must be an absolute http(s) URL ending in '/', without query or fragment.");
        }

        if (CodeLifetime <= TimeSpan.Zero || CodeLifetime > TimeSpan.FromMinutes(10))
        {
            problems.Add("Oidc.CodeLifetime must be positive and at most 10 minutes (RFC 6749 4.1.2).");
        }

        if (TokenLifetime <= TimeSpan.Zero || TokenLifetime > TimeSpan.FromHours(1))
        {
            problems.Add("Oidc.TokenLifetime must be positive and at most an hour.");
        }

        if (MaxClientAssertionLifetime <= TimeSpan.Zero || MaxClientAssertionLifetime > TimeSpan.FromHours(1))
        {
            problems.Add("Oidc.MaxClientAssertionLifetime must be positive and at most an hour.");
        }

        return problems;
    }

    /// <summary>Throws when <see cref="Problems"/> finds any.</summary>
    /// <exception cref="OptionsValidationException">The options are not usable.</exception>
    public void Validate()
    {
        var problems = Problems();
        if (problems.Count > 0)
        {
            throw new OptionsValidationException(nameof(StubOidcOptions), typeof(StubOidcOptions), problems);
        }
    }
}
