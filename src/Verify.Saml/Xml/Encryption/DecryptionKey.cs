using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

using Verify.Saml.Errors;
using Verify.Saml.Trust;

namespace Verify.Saml.Xml.Encryption;

/// <summary>
/// One of our RSA private keys that encrypted messages may be addressed to. A party holds a list of
/// these (its current keys: during a rollover, the old and the new), and the decryptor tries each.
/// </summary>
public sealed class DecryptionKey : IDisposable
{
    private readonly bool _ownsKey;

    private DecryptionKey(RSA privateKey, X509Certificate2? certificate, bool ownsKey)
    {
        // Hub profile (ARCHITECTURE.md): RSA keys under 2048 bits are refused.
        if (privateKey.KeySize < TrustedSigningKey.MinimumRsaKeySize)
        {
            if (ownsKey)
            {
                privateKey.Dispose();
            }

            throw new SamlException(SamlErrorCode.EncryptionKeyTooWeak);
        }

        PrivateKey = privateKey;
        Certificate = certificate;
        _ownsKey = ownsKey;
    }

    /// <summary>The certificate published for this key, when there is one; used to try the named key first.</summary>
    public X509Certificate2? Certificate { get; }

    internal RSA PrivateKey { get; }

    /// <summary>The RSA private key of a certificate that has one.</summary>
    /// <exception cref="SamlException">No RSA private key, or one under 2048 bits.</exception>
    public static DecryptionKey FromCertificate(X509Certificate2 certificate)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        var rsa = certificate.GetRSAPrivateKey()
            ?? throw new SamlException(SamlErrorCode.EncryptionAlgorithmUnsupported, "Decryption needs an RSA private key.");
        return new DecryptionKey(rsa, certificate, ownsKey: true);
    }

    /// <summary>A bare RSA private key (optionally with its certificate). The caller keeps ownership of <paramref name="privateKey"/>.</summary>
    /// <exception cref="SamlException">The key is under 2048 bits.</exception>
    public static DecryptionKey FromPrivateKey(RSA privateKey, X509Certificate2? certificate = null)
    {
        ArgumentNullException.ThrowIfNull(privateKey);
        return new DecryptionKey(privateKey, certificate, ownsKey: false);
    }

    /// <summary>Whether a certificate named in an EncryptedKey's KeyInfo is this key's certificate.</summary>
    internal bool IsNamedBy(byte[]? certificateDer) =>
        certificateDer is not null && Certificate is not null && Certificate.RawData.AsSpan().SequenceEqual(certificateDer);

    /// <inheritdoc />
    public void Dispose()
    {
        if (_ownsKey)
        {
            PrivateKey.Dispose();
        }
    }
}
