using System.Buffers.Text;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Verify.Audit.Checkpoints;

/// <summary>
/// The keys that sign and verify checkpoints: ECDSA P-256 (<c>ES256</c>) or RSA of at least 2048 bits with PSS
/// (<c>PS256</c>), read from PEM. ARCHITECTURE.md: RSA keys under 2048 bits and SHA-1 are refused; RSA PKCS#1 v1.5
/// signatures are not used for new formats.
/// </summary>
public static class AuditCheckpointKeys
{
    /// <summary>ECDSA with P-256 and SHA-256, signature as r ‖ s (RFC 7518 §3.4).</summary>
    public const string Es256 = "ES256";

    /// <summary>RSASSA-PSS with SHA-256 and MGF1-SHA-256 (RFC 7518 §3.5).</summary>
    public const string Ps256 = "PS256";

    private const string P256Oid = "1.2.840.10045.3.1.7";

    /// <summary>The signing key in <paramref name="pem"/>: an unencrypted PKCS#8, SEC1 EC or PKCS#1 RSA private key.</summary>
    /// <exception cref="CryptographicException">No such key, or not ECDSA P-256 / RSA of 2048 bits or more.</exception>
    public static AsymmetricAlgorithm ReadPrivateKey(string pem)
    {
        ArgumentNullException.ThrowIfNull(pem);
        if (!pem.Contains("PRIVATE KEY-----", StringComparison.Ordinal) || pem.Contains("ENCRYPTED PRIVATE KEY", StringComparison.Ordinal))
        {
            throw new CryptographicException("Give an unencrypted private key in PEM (-----BEGIN PRIVATE KEY-----).");
        }

        return Checked(Import(pem));
    }

    /// <summary>The verification key in <paramref name="pem"/>: a public key (SPKI), a certificate, or a private key (its public part is used).</summary>
    /// <exception cref="CryptographicException">No such key, or not ECDSA P-256 / RSA of 2048 bits or more.</exception>
    public static AsymmetricAlgorithm ReadPublicKey(string pem)
    {
        ArgumentNullException.ThrowIfNull(pem);
        if (pem.Contains("-----BEGIN CERTIFICATE-----", StringComparison.Ordinal))
        {
            using var certificate = X509Certificate2.CreateFromPem(pem);
            AsymmetricAlgorithm? fromCertificate = certificate.GetECDsaPublicKey() ?? (AsymmetricAlgorithm?)certificate.GetRSAPublicKey();
            return Checked(fromCertificate ?? throw new CryptographicException("The certificate's key is neither ECDSA nor RSA."));
        }

        using var key = Import(pem);
        var publicOnly = key is ECDsa ? (AsymmetricAlgorithm)ECDsa.Create() : RSA.Create();
        publicOnly.ImportSubjectPublicKeyInfo(key.ExportSubjectPublicKeyInfo(), out _);
        return Checked(publicOnly);
    }

    /// <summary>The key's identifier: SHA-256 of its SubjectPublicKeyInfo, base64url without padding.</summary>
    public static string KeyId(AsymmetricAlgorithm key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return Base64Url.EncodeToString(SHA256.HashData(key.ExportSubjectPublicKeyInfo()));
    }

    /// <summary>The algorithm <paramref name="key"/> signs with.</summary>
    /// <exception cref="CryptographicException">Not ECDSA P-256 or RSA of 2048 bits or more.</exception>
    internal static string AlgorithmOf(AsymmetricAlgorithm key) => key switch
    {
        ECDsa ecdsa when ecdsa.ExportParameters(false).Curve.Oid?.Value == P256Oid => Es256,
        ECDsa => throw new CryptographicException("Checkpoint keys on ECDSA must use the P-256 curve."),
        RSA rsa when rsa.KeySize >= 2048 => Ps256,
        RSA => throw new CryptographicException("Checkpoint keys on RSA must have at least 2048 bits (ARCHITECTURE.md)."),
        _ => throw new CryptographicException("Checkpoint keys are ECDSA P-256 or RSA of at least 2048 bits."),
    };

    internal static byte[] Sign(AsymmetricAlgorithm key, byte[] data) => AlgorithmOf(key) switch
    {
        Es256 => ((ECDsa)key).SignData(data, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation),
        _ => ((RSA)key).SignData(data, HashAlgorithmName.SHA256, RSASignaturePadding.Pss),
    };

    private static bool Verify(AsymmetricAlgorithm key, string algorithm, byte[] data, byte[] signature) => (AlgorithmOf(key), algorithm) switch
    {
        (Es256, Es256) => ((ECDsa)key).VerifyData(data, signature, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation),
        (Ps256, Ps256) => ((RSA)key).VerifyData(data, signature, HashAlgorithmName.SHA256, RSASignaturePadding.Pss),
        _ => false,
    };

    /// <summary>True when <paramref name="checkpoint"/>'s signature verifies with <paramref name="key"/>.</summary>
    internal static bool VerifySignature(AsymmetricAlgorithm key, AuditCheckpoint checkpoint)
    {
        byte[] signature;
        try
        {
            signature = Base64Url.DecodeFromChars(checkpoint.Signature);
        }
        catch (FormatException)
        {
            return false;
        }

        return Verify(key, checkpoint.Algorithm, checkpoint.SignedBytes(), signature);
    }

    private static AsymmetricAlgorithm Checked(AsymmetricAlgorithm key)
    {
        try
        {
            AlgorithmOf(key);
            return key;
        }
        catch
        {
            key.Dispose();
            throw;
        }
    }

    private static AsymmetricAlgorithm Import(string pem)
    {
        var ecdsa = ECDsa.Create();
        try
        {
            ecdsa.ImportFromPem(pem);
            return ecdsa;
        }
        catch (Exception ex) when (ex is ArgumentException or CryptographicException)
        {
            ecdsa.Dispose();
        }

        var rsa = RSA.Create();
        try
        {
            rsa.ImportFromPem(pem);
            return rsa;
        }
        catch (Exception ex) when (ex is ArgumentException or CryptographicException)
        {
            rsa.Dispose();
            throw new CryptographicException("No ECDSA or RSA key found in the PEM.", ex);
        }
    }
}
