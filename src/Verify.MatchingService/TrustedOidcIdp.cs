using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

using Microsoft.IdentityModel.Tokens;

namespace Verify.MatchingService;

/// <summary>
/// An identity provider that speaks OpenID Connect, whose ID tokens the matching service accepts as evidence
/// (ADR 0025). End-to-end trust as for a SAML IDP: the IDP's signature on the ID token is checked here with the keys
/// registered for it (pinned, never fetched from the IDP or the hub), so the hub cannot forge who the IDP said the
/// citizen is.
/// </summary>
/// <param name="Issuer">The IDP's issuer identifier: the ID token's <c>iss</c>, exactly.</param>
/// <param name="ClientId">The hub's client ID at that IDP: the ID token's expected <c>aud</c> (and <c>azp</c>).</param>
/// <param name="SigningKeys">The IDP's public signing keys (its JWKS; several during a key rollover).</param>
public sealed record TrustedOidcIdp(string Issuer, string ClientId, IReadOnlyList<JsonWebKey> SigningKeys)
{
    /// <summary>
    /// Whether identity claims the hub took from this IDP's userinfo answer, and vouches for in its signed query, may
    /// complete the dataset where the ID token has none (ADR 0025 addendum). Default false: the dataset is what the
    /// IDP signed, end-to-end trust being the point of ADR 0025; a query listing such claims is then refused (VM1013).
    /// </summary>
    public bool AcceptHubVouchedClaims { get; init; }

    // RFC 7518 6.3.1.1: n is the base64url modulus; 2048 bits are 256 octets, 342 characters.
    private const int RsaModulus2048Length = 342;

    /// <summary>The registered keys from a JWKS document (public keys only).</summary>
    /// <exception cref="ArgumentException">The document is not a JWKS.</exception>
    public static IReadOnlyList<JsonWebKey> KeysFromJwks(string jwks)
    {
        ArgumentException.ThrowIfNullOrEmpty(jwks);
        try
        {
            return [.. new JsonWebKeySet(jwks).Keys];
        }
        catch (Exception ex) when (ex is ArgumentException or System.Text.Json.JsonException)
        {
            throw new ArgumentException("Not a JWKS document.", nameof(jwks), ex);
        }
    }

    /// <summary>
    /// A certificate's public key as a JWK (RSA or EC), with the <c>kid</c> the stub IDP gives it (base64url SHA-256 of the
    /// certificate): for an IDP whose ID tokens are signed with a certificate's key (the dev federation's stub IDP).
    /// </summary>
    public static JsonWebKey KeyFromCertificate(X509Certificate2 certificate)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        var keyId = Base64UrlEncoder.Encode(certificate.GetCertHash(HashAlgorithmName.SHA256));
        using var rsa = certificate.GetRSAPublicKey();
        if (rsa is not null)
        {
            return JsonWebKeyConverter.ConvertFromRSASecurityKey(new RsaSecurityKey(rsa.ExportParameters(false)) { KeyId = keyId });
        }

        using var ecdsa = certificate.GetECDsaPublicKey() ?? throw new ArgumentException("Neither an RSA nor an EC key.", nameof(certificate));
        return JsonWebKeyConverter.ConvertFromECDsaSecurityKey(new ECDsaSecurityKey(ECDsa.Create(ecdsa.ExportParameters(false))) { KeyId = keyId });
    }

    /// <summary>Why <see cref="SigningKeys"/> cannot be used, or null: public RSA (2048 bits or more) or EC P-256 keys only.</summary>
    public string? KeyProblem()
    {
        if (SigningKeys is null || SigningKeys.Count == 0)
        {
            return "needs at least one signing key (its JWKS)";
        }

        foreach (var key in SigningKeys)
        {
            if (key is null || key.HasPrivateKey || !string.IsNullOrEmpty(key.K))
            {
                return "must register public keys only (no private or symmetric keys)";
            }

            var usable = key.Kty switch
            {
                JsonWebAlgorithmsKeyTypes.RSA => key.N is { Length: >= RsaModulus2048Length },
                JsonWebAlgorithmsKeyTypes.EllipticCurve => key.Crv == JsonWebKeyECTypes.P256,
                _ => false,
            };
            if (!usable || (key.Use is { Length: > 0 } use && use != "sig"))
            {
                return "must register RSA (2048 bits or more) or EC P-256 signing keys";
            }
        }

        return null;
    }
}
