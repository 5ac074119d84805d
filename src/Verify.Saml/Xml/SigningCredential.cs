using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

using Verify.Saml.Errors;
using Verify.Saml.Trust;

namespace Verify.Saml.Xml;

/// <summary>A private key we sign with, its certificate (published in KeyInfo) and the algorithms to use.</summary>
public sealed class SigningCredential : IDisposable
{
    private SigningCredential(RSA? rsa, ECDsa? ecdsa, X509Certificate2? certificate, HashAlgorithmName hash)
    {
        Rsa = rsa;
        Ecdsa = ecdsa;
        Certificate = certificate;
        Hash = hash;
        if (rsa is not null && rsa.KeySize < TrustedSigningKey.MinimumRsaKeySize)
        {
            throw new SamlException(SamlErrorCode.SignatureKeyTooWeak);
        }

        SignatureMethod = rsa is not null
            ? hash == HashAlgorithmName.SHA512 ? XmlNames.RsaSha512
              : hash == HashAlgorithmName.SHA384 ? XmlNames.RsaSha384
              : XmlNames.RsaSha256
            : XmlNames.EcdsaSha256;
        if (ecdsa is not null)
        {
            Hash = HashAlgorithmName.SHA256;
        }

        DigestMethod = SignatureAlgorithms.DigestUri(Hash);
    }

    /// <summary>The certificate, written into KeyInfo so peers can pick the right registered key.</summary>
    public X509Certificate2? Certificate { get; }

    /// <summary>The signature method URI.</summary>
    public string SignatureMethod { get; }

    /// <summary>The digest method URI.</summary>
    public string DigestMethod { get; }

    internal HashAlgorithmName Hash { get; }

    internal RSA? Rsa { get; }

    internal ECDsa? Ecdsa { get; }

    /// <summary>A credential from a certificate that has its private key (RSA or ECDSA P-256).</summary>
    /// <param name="certificate">Certificate with private key.</param>
    /// <param name="hash">SHA-256 (default), SHA-384 or SHA-512 for RSA; ECDSA always uses SHA-256.</param>
    public static SigningCredential FromCertificate(X509Certificate2 certificate, HashAlgorithmName? hash = null)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        var rsa = certificate.GetRSAPrivateKey();
        var ecdsa = rsa is null ? certificate.GetECDsaPrivateKey() : null;
        if (rsa is null && ecdsa is null)
        {
            throw new SamlException(SamlErrorCode.SigningKeyUnsupported, "The certificate has no RSA or ECDSA private key.");
        }

        return new SigningCredential(rsa, ecdsa, certificate, hash ?? HashAlgorithmName.SHA256);
    }

    /// <summary>A credential from a bare private key (no KeyInfo is written).</summary>
    public static SigningCredential FromKey(AsymmetricAlgorithm key, HashAlgorithmName? hash = null) => key switch
    {
        RSA rsa => new SigningCredential(rsa, null, null, hash ?? HashAlgorithmName.SHA256),
        ECDsa ecdsa => new SigningCredential(null, ecdsa, null, HashAlgorithmName.SHA256),
        _ => throw new SamlException(SamlErrorCode.SigningKeyUnsupported),
    };

    internal byte[] Sign(byte[] data) => Rsa is not null
        ? Rsa.SignData(data, Hash, RSASignaturePadding.Pkcs1)
        : Ecdsa!.SignData(data, Hash, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);

    public void Dispose()
    {
        Rsa?.Dispose();
        Ecdsa?.Dispose();
    }
}
