using Microsoft.IdentityModel.Tokens;

namespace Verify.Hub.Oidc.Provider.Keys;

/// <summary>
/// The algorithms a client may register for its ID tokens (<c>id_token_signed_response_alg</c>, ADR 0021 addendum):
/// RS256 (the default, OIDC Core 15.1) and PS256 with the hub's RSA signing key, ES256 with its OIDC EC P-256 key.
/// </summary>
public static class IdTokenSigning
{
    /// <summary>RSASSA-PKCS1-v1_5 with SHA-256 (RFC 7518 3.3).</summary>
    public const string Rs256 = SecurityAlgorithms.RsaSha256;

    /// <summary>RSASSA-PSS with SHA-256 (RFC 7518 3.5).</summary>
    public const string Ps256 = SecurityAlgorithms.RsaSsaPssSha256;

    /// <summary>ECDSA on P-256 with SHA-256 (RFC 7518 3.4).</summary>
    public const string Es256 = SecurityAlgorithms.EcdsaSha256;

    /// <summary>What the operator must do when a client's algorithm has no key, or null when it has one.</summary>
    public static string? MissingKey(string clientId, string alg, bool hasEcKey) => alg switch
    {
        Rs256 or Ps256 => null,
        Es256 when hasEcKey => null,
        Es256 => $"OIDC client '{clientId}' is registered for ES256 ID tokens but the hub has no EC P-256 OIDC signing key: "
            + "give hub.oidcEcSigning in hub.json (an EC P-256 certificate and key, PEM or PKCS#12), or register the client with --id-token-alg RS256 or PS256.",
        _ => $"OIDC client '{clientId}' is registered for '{alg}' ID tokens, which the hub does not sign: register it with RS256, PS256 or ES256.",
    };
}
