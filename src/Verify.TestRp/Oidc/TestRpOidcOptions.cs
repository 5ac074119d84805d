using System.Security.Cryptography.X509Certificates;

using Verify.Saml.Saml;

namespace Verify.TestRp.Oidc;

/// <summary>
/// The test RP's OpenID Connect registration (ADR 0024): a client of the hub's OpenID Provider (ADR 0021) that signs in
/// with the code flow, PKCE S256, <c>state</c>, <c>nonce</c>, <c>acr_values</c> and <c>private_key_jwt</c>. Chosen on
/// the start page beside the SAML registrations (<c>?service=</c><see cref="Key"/>).
/// </summary>
public sealed record TestRpOidcOptions
{
    /// <summary>The default <see cref="Key"/>.</summary>
    public const string DefaultKey = "oidc";

    /// <summary>How the start page and <c>?service=</c> name it (as <see cref="TestRpService.Key"/>).</summary>
    public string Key { get; init; } = DefaultKey;

    /// <summary>The client ID the hub registered (<c>verify rp add --oidc --client-id</c>).</summary>
    public required string ClientId { get; init; }

    /// <summary>The name shown on the start page.</summary>
    public string DisplayName { get; init; } = "Test service, OpenID Connect";

    /// <summary>
    /// The hub's issuer, exactly as its discovery document states it (OIDC Discovery 4.3: compared exactly); https (http
    /// only for a loopback host in development). Discovery, JWKS, token and userinfo are found from it.
    /// </summary>
    public required Uri Issuer { get; init; }

    /// <summary>
    /// The RP's own key for <c>private_key_jwt</c> (RFC 7523), with its private key: RSA, 2048 bits or more. The hub
    /// holds its public half as the registration's JWKS (<see cref="OidcClientKey.PublicJwks"/>).
    /// </summary>
    public required X509Certificate2 ClientAssertionCertificate { get; init; }

    /// <summary>
    /// The levels sent as <c>acr_values</c> (authn-context URIs, one vocabulary with SAML). The <c>acr</c> that comes
    /// back must be one of them or stronger, and never LEVEL_X.
    /// </summary>
    public IReadOnlyList<string> RequestedLevels { get; init; } = [AuthnContexts.Level2];

    /// <summary>The scopes asked for: <c>openid</c>, and <c>verified_claims</c> for the verified identity.</summary>
    public IReadOnlyList<string> Scopes { get; init; } = ["openid", "verified_claims"];

    /// <summary>
    /// True when the hub's registration names this RP's <see cref="TestRpPaths.OidcSignedOut"/> address as a post-logout
    /// redirect URI (<c>verify rp add --oidc --post-logout-redirect-uri</c>): the verified identity's page then offers
    /// signing out (RP-Initiated Logout 1.0, <see cref="OidcSignIns"/>).
    /// </summary>
    public bool SignOut { get; init; }

    /// <summary>
    /// The handler for calls to the hub (discovery, JWKS, PAR, token, userinfo); null for the machine's DNS and trust
    /// store. <c>verify start-dev</c> gives one that reaches <c>hub.test</c> on the loopback and trusts the sample root
    /// only. Each call makes a new handler, owned by the caller.
    /// </summary>
    public Func<HttpMessageHandler>? Backchannel { get; init; }
}
