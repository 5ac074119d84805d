using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json.Nodes;

using Microsoft.IdentityModel.Tokens;

namespace Verify.TestRp.Oidc;

/// <summary>
/// The RP's <c>private_key_jwt</c> key (RFC 7523) as OpenIddict signs with it, and its public half as the JWKS the hub
/// registers. Both carry the same <c>kid</c>, the key's RFC 7638 thumbprint, so the hub picks the right key during a
/// rollover without trusting anything else in the assertion's header.
/// </summary>
public static class OidcClientKey
{
    /// <summary>The signing key, with its <c>kid</c> (the certificate must hold an RSA private key).</summary>
    public static SecurityKey SigningKey(X509Certificate2 certificate)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        var rsa = certificate.GetRSAPrivateKey() ?? throw new ArgumentException("The certificate has no RSA private key.", nameof(certificate));
        return new RsaSecurityKey(rsa) { KeyId = KeyId(certificate) };
    }

    /// <summary>The RFC 7638 thumbprint of the public key, base64url: the <c>kid</c> of both halves.</summary>
    public static string KeyId(X509Certificate2 certificate)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        return Base64UrlEncoder.Encode(PublicJwk(certificate).ComputeJwkThumbprint());
    }

    /// <summary>
    /// The public JWKS to register with the hub (<c>verify rp add --oidc --jwks FILE</c>): one RSA key, <c>use</c>
    /// <c>sig</c>, <c>alg</c> RS256, no private member.
    /// </summary>
    public static string PublicJwks(X509Certificate2 certificate)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        var jwk = PublicJwk(certificate);
        var key = new JsonObject
        {
            ["kty"] = "RSA",
            ["use"] = "sig",
            ["alg"] = SecurityAlgorithms.RsaSha256,
            ["kid"] = Base64UrlEncoder.Encode(jwk.ComputeJwkThumbprint()),
            ["n"] = jwk.N,
            ["e"] = jwk.E,
        };
        return new JsonObject { ["keys"] = new JsonArray(key) }.ToJsonString();
    }

    private static JsonWebKey PublicJwk(X509Certificate2 certificate)
    {
        using var rsa = certificate.GetRSAPublicKey() ?? throw new ArgumentException("The certificate has no RSA key.", nameof(certificate));
        var parameters = rsa.ExportParameters(includePrivateParameters: false);
        return new JsonWebKey
        {
            Kty = JsonWebAlgorithmsKeyTypes.RSA,
            N = Base64UrlEncoder.Encode(parameters.Modulus),
            E = Base64UrlEncoder.Encode(parameters.Exponent),
        };
    }

    /// <summary>Whether the certificate can sign client assertions: an RSA private key of 2048 bits or more.</summary>
    internal static bool IsUsable(X509Certificate2? certificate)
    {
        if (certificate is null || !certificate.HasPrivateKey)
        {
            return false;
        }

        try
        {
            using var rsa = certificate.GetRSAPrivateKey();
            return rsa is { KeySize: >= 2048 };
        }
        catch (CryptographicException)
        {
            return false;
        }
    }
}
