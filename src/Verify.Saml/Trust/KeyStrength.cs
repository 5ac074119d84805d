using System.Security.Cryptography.X509Certificates;

using Verify.Saml.Errors;

namespace Verify.Saml.Trust;

/// <summary>
/// The key sizes the federation accepts, whatever the trust kind (ARCHITECTURE.md: RSA keys under 2048 bits are
/// refused; NIST SP 800-131A). EC keys must be at least P-256; other key types are not supported.
/// </summary>
internal static class KeyStrength
{
    /// <summary>Smallest EC key accepted, in bits.</summary>
    public const int MinimumEcKeySize = 256;

    /// <exception cref="SamlException"><see cref="SamlErrorCode.TrustKeyTooWeak"/> or <see cref="SamlErrorCode.SigningKeyUnsupported"/>.</exception>
    public static void Require(X509Certificate2 certificate)
    {
        using var rsa = certificate.GetRSAPublicKey();
        if (rsa is not null)
        {
            if (rsa.KeySize < TrustedSigningKey.MinimumRsaKeySize)
            {
                throw new SamlException(SamlErrorCode.TrustKeyTooWeak);
            }

            return;
        }

        using var ecdsa = certificate.GetECDsaPublicKey();
        if (ecdsa is null)
        {
            throw new SamlException(SamlErrorCode.SigningKeyUnsupported, "Only RSA and EC keys are supported.");
        }

        if (ecdsa.KeySize < MinimumEcKeySize)
        {
            throw new SamlException(SamlErrorCode.TrustKeyTooWeak);
        }
    }

    /// <summary>
    /// RFC 5280 4.2.1.3: when a certificate carries a key usage extension, the key may only be used as it says:
    /// digitalSignature to sign; keyEncipherment (RSA key transport) or keyAgreement (EC) to be encrypted for.
    /// </summary>
    public static void RequireUsage(X509Certificate2 certificate, Metadata.KeyUse use)
    {
        if (certificate.Extensions["2.5.29.15"] is not X509KeyUsageExtension extension)
        {
            return;
        }

        var usages = extension.KeyUsages;
        var allowed = use == Metadata.KeyUse.Signing
            ? usages.HasFlag(X509KeyUsageFlags.DigitalSignature)
            : usages.HasFlag(X509KeyUsageFlags.KeyEncipherment) || usages.HasFlag(X509KeyUsageFlags.KeyAgreement);
        if (!allowed)
        {
            throw new SamlException(SamlErrorCode.TrustKeyUsageNotAllowed, use == Metadata.KeyUse.Signing ? "Signing." : "Encryption.");
        }
    }
}
