using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

using Microsoft.IdentityModel.Tokens;

namespace Verify.Hub.Oidc.Client;

/// <summary>
/// The hub's public signing key as a JSON Web Key Set, for OpenID Connect IDPs to register: the hub authenticates at
/// their token endpoints with <c>private_key_jwt</c> signed by this key (ADR 0022), the same key that signs its SAML
/// AuthnRequests (one key to pin per IDP whichever protocol it speaks). Public parts only; kid = base64url SHA-256
/// thumbprint of the certificate, as the stub IDP names its own key.
/// </summary>
internal sealed class HubClientJwks
{
    public HubClientJwks(HubOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var certificate = options.SigningCertificate;
        var keyId = KeyIdOf(certificate);
        using var rsa = certificate.GetRSAPublicKey();
        if (rsa is not null)
        {
            var parameters = rsa.ExportParameters(false);
            Document = new { keys = new[] { new { kty = "RSA", use = "sig", alg = SecurityAlgorithms.RsaSha256, kid = keyId, n = Base64UrlEncoder.Encode(parameters.Modulus), e = Base64UrlEncoder.Encode(parameters.Exponent) } } };
            return;
        }

        using var ecdsa = certificate.GetECDsaPublicKey() ?? throw new ArgumentException("The hub's signing certificate holds neither an RSA nor an ECDSA key.", nameof(options));
        var point = ecdsa.ExportParameters(false);
        Document = new { keys = new[] { new { kty = "EC", use = "sig", alg = SecurityAlgorithms.EcdsaSha256, kid = keyId, crv = "P-" + ecdsa.KeySize.ToString(System.Globalization.CultureInfo.InvariantCulture), x = Base64UrlEncoder.Encode(point.Q.X), y = Base64UrlEncoder.Encode(point.Q.Y) } } };
    }

    /// <summary>The key ID the hub's client assertions carry: base64url SHA-256 thumbprint of the certificate.</summary>
    public static string KeyIdOf(X509Certificate2 certificate) =>
        Base64UrlEncoder.Encode((certificate ?? throw new ArgumentNullException(nameof(certificate))).GetCertHash(HashAlgorithmName.SHA256));

    /// <summary>The JWKS document.</summary>
    public object Document { get; }
}
