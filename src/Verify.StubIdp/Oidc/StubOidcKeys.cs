using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

using Microsoft.IdentityModel.Tokens;

namespace Verify.StubIdp.Oidc;

/// <summary>
/// The ID token signing key (the stub's signing certificate, as on the SAML side) and the hub's keys for its client
/// assertions (the pinned <see cref="StubIdpOptions.HubSigningCertificates"/>). RS256 for RSA keys and ES256 for
/// P-256 keys (OIDC Core 3.1.3.7 requires RS256 support; <c>none</c> and HMAC are never accepted).
/// </summary>
/// <remarks>
/// The private key objects are the certificate's, which the caller owns and may share between hosts (the tests'
/// certificates are): they are not disposed here.
/// </remarks>
internal sealed class StubOidcKeys
{
    public StubOidcKeys(StubIdpOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var certificate = options.SigningCertificate;
        var keyId = Base64UrlEncoder.Encode(certificate.GetCertHash(HashAlgorithmName.SHA256));
        var rsa = certificate.GetRSAPrivateKey();
        if (rsa is not null)
        {
            Signing = new SigningCredentials(new RsaSecurityKey(rsa) { KeyId = keyId }, SecurityAlgorithms.RsaSha256);
            PublicJwk = JsonWebKeyConverter.ConvertFromRSASecurityKey(new RsaSecurityKey(rsa.ExportParameters(false)) { KeyId = keyId });
        }
        else
        {
            var ecdsa = certificate.GetECDsaPrivateKey() ?? throw new ArgumentException("The signing certificate holds neither an RSA nor an ECDSA key.", nameof(options));
            Signing = new SigningCredentials(new ECDsaSecurityKey(ecdsa) { KeyId = keyId }, SecurityAlgorithms.EcdsaSha256);
            using var publicKey = ECDsa.Create(ecdsa.ExportParameters(false));
            PublicJwk = JsonWebKeyConverter.ConvertFromECDsaSecurityKey(new ECDsaSecurityKey(publicKey) { KeyId = keyId });
        }

        PublicJwk.Use = "sig";
        PublicJwk.Alg = Signing.Algorithm;
        HubKeys = [.. options.HubSigningCertificates.Select(HubKey)];
    }

    /// <summary>Signs ID tokens.</summary>
    public SigningCredentials Signing { get; }

    /// <summary>The public half of <see cref="Signing"/>, as published in the JWKS.</summary>
    public JsonWebKey PublicJwk { get; }

    /// <summary>The keys the hub's client assertions may be signed with.</summary>
    public IReadOnlyList<SecurityKey> HubKeys { get; }

    /// <summary>The algorithms accepted on client assertions (RFC 7523 3: the JWT MUST be digitally signed).</summary>
    public static IReadOnlyList<string> AcceptedAlgorithms { get; } =
        [SecurityAlgorithms.RsaSha256, SecurityAlgorithms.RsaSsaPssSha256, SecurityAlgorithms.EcdsaSha256];

    /// <summary>The JWKS document (public keys only).</summary>
    public object JwksDocument() => new
    {
        keys = new[]
        {
            PublicJwk.Kty == JsonWebAlgorithmsKeyTypes.RSA
                ? (object)new { kty = PublicJwk.Kty, use = PublicJwk.Use, alg = PublicJwk.Alg, kid = PublicJwk.Kid, n = PublicJwk.N, e = PublicJwk.E }
                : new { kty = PublicJwk.Kty, use = PublicJwk.Use, alg = PublicJwk.Alg, kid = PublicJwk.Kid, crv = PublicJwk.Crv, x = PublicJwk.X, y = PublicJwk.Y },
        },
    };

    // The hub's key as an X509SecurityKey: its kid is the certificate's thumbprint, but the assertion's signature is
    // tried against every pinned key whatever kid it names (TryAllIssuerSigningKeys), so a rollover needs no kid agreement.
    private static X509SecurityKey HubKey(X509Certificate2 certificate) => new(certificate);
}
