using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

using Verify.Saml.Errors;
using Verify.Saml.Trust;

namespace Verify.Saml.Xml.Encryption;

/// <summary>
/// The party a message is encrypted for: its registered RSA encryption key, and the certificate it came
/// from when there is one (written into the EncryptedKey's KeyInfo so a recipient holding several keys
/// during a rollover can tell which one to use).
/// </summary>
public sealed class EncryptionRecipient : IDisposable
{
    private readonly bool _ownsKey;

    private EncryptionRecipient(RSA publicKey, X509Certificate2? certificate, bool ownsKey)
    {
        // Hub profile (ARCHITECTURE.md): RSA keys under 2048 bits are refused, for encryption as for signing.
        if (publicKey.KeySize < TrustedSigningKey.MinimumRsaKeySize)
        {
            throw new SamlException(SamlErrorCode.EncryptionKeyTooWeak);
        }

        PublicKey = publicKey;
        Certificate = certificate;
        _ownsKey = ownsKey;
    }

    /// <summary>The recipient's certificate, when the key came from one; written into the EncryptedKey's KeyInfo.</summary>
    public X509Certificate2? Certificate { get; }

    internal RSA PublicKey { get; }

    /// <summary>The RSA public key of a certificate (its dates and chain are checked elsewhere, by trust).</summary>
    /// <exception cref="SamlException">The key is not RSA (<see cref="SamlErrorCode.EncryptionAlgorithmUnsupported"/>) or is under 2048 bits.</exception>
    public static EncryptionRecipient FromCertificate(X509Certificate2 certificate) => OfCertificate(certificate, ownsKey: true);

    /// <summary>
    /// The RSA public key of a certificate, kept by its owner (<c>TrustPolicy</c>) for many messages: disposing the
    /// recipient does nothing, and the key is freed with it.
    /// </summary>
    /// <exception cref="SamlException">The key is not RSA or is under 2048 bits.</exception>
    internal static EncryptionRecipient Kept(X509Certificate2 certificate) => OfCertificate(certificate, ownsKey: false);

    /// <summary>A bare RSA public key. The caller keeps ownership of <paramref name="publicKey"/>.</summary>
    /// <exception cref="SamlException">The key is under 2048 bits.</exception>
    public static EncryptionRecipient FromPublicKey(RSA publicKey)
    {
        ArgumentNullException.ThrowIfNull(publicKey);
        return new EncryptionRecipient(publicKey, null, ownsKey: false);
    }

    private static EncryptionRecipient OfCertificate(X509Certificate2 certificate, bool ownsKey)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        var rsa = certificate.GetRSAPublicKey()
            ?? throw new SamlException(SamlErrorCode.EncryptionAlgorithmUnsupported, "Key transport needs an RSA key.");
        try
        {
            return new EncryptionRecipient(rsa, certificate, ownsKey);
        }
        catch
        {
            rsa.Dispose(); // refused (too short): the key was parsed here, so it is freed here
            throw;
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (_ownsKey)
        {
            PublicKey.Dispose();
        }
    }
}
