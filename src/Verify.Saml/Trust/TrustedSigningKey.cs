using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Verify.Saml.Trust;

/// <summary>
/// A public key that one party is trusted to sign with, parsed once and reused for every verification.
/// Whether the key deserves trust (pinned from metadata, or chained to the federation root) is decided
/// before one of these is made; this type only carries the key.
/// </summary>
public sealed class TrustedSigningKey : IDisposable
{
    /// <summary>RSA keys shorter than this are refused for signing and verifying.</summary>
    public const int MinimumRsaKeySize = 2048;

    private TrustedSigningKey(RSA? rsa, ECDsa? ecdsa, X509Certificate2? certificate)
    {
        Rsa = rsa;
        Ecdsa = ecdsa;
        Certificate = certificate;
        KeySize = rsa?.KeySize ?? ecdsa?.KeySize ?? 0;
        Thumbprint = certificate is null
            ? Convert.ToHexString(SHA256.HashData(rsa?.ExportSubjectPublicKeyInfo() ?? ecdsa!.ExportSubjectPublicKeyInfo()))
            : certificate.GetCertHashString(HashAlgorithmName.SHA256);
    }

    /// <summary>The certificate the key came from, when there was one.</summary>
    public X509Certificate2? Certificate { get; }

    /// <summary>SHA-256 of the certificate (or of the public key when there is no certificate), hex.</summary>
    public string Thumbprint { get; }

    /// <summary>Key size in bits.</summary>
    public int KeySize { get; }

    /// <summary>True when the key is too weak to accept signatures from (RSA under 2048 bits, EC under P-256).</summary>
    public bool IsWeak => Rsa is not null ? KeySize < MinimumRsaKeySize : KeySize < 256;

    internal RSA? Rsa { get; }

    internal ECDsa? Ecdsa { get; }

    /// <summary>Takes the public key of a certificate. The certificate's dates and chain are not checked here.</summary>
    /// <exception cref="NotSupportedException">The key is neither RSA nor ECDSA.</exception>
    public static TrustedSigningKey FromCertificate(X509Certificate2 certificate)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        var rsa = certificate.GetRSAPublicKey();
        var ecdsa = rsa is null ? certificate.GetECDsaPublicKey() : null;
        if (rsa is null && ecdsa is null)
        {
            throw new NotSupportedException("Only RSA and ECDSA signing keys are supported.");
        }

        return new TrustedSigningKey(rsa, ecdsa, certificate);
    }

    /// <summary>Takes a bare public key (for parties registered by key rather than certificate).</summary>
    public static TrustedSigningKey FromPublicKey(AsymmetricAlgorithm key) => key switch
    {
        RSA rsa => new TrustedSigningKey(rsa, null, null),
        ECDsa ecdsa => new TrustedSigningKey(null, ecdsa, null),
        _ => throw new NotSupportedException("Only RSA and ECDSA signing keys are supported."),
    };

    public void Dispose()
    {
        Rsa?.Dispose();
        Ecdsa?.Dispose();
    }
}
