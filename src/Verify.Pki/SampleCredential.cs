using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Verify.Pki;

/// <summary>
/// One generated certificate of the sample PKI with its private key, and what it is for.
/// Written as <c>{Name}.crt</c> (PEM certificate) and <c>{Name}.key</c> (unencrypted PKCS#8 PEM).
/// </summary>
public sealed class SampleCredential : IDisposable
{
    internal SampleCredential(
        SampleCredentialSpec spec, X509Certificate2 certificate, AsymmetricAlgorithm privateKey)
    {
        Name = spec.Name;
        Role = spec.Role;
        Kind = spec.Kind;
        KeyAlgorithm = spec.KeyAlgorithm;
        IssuerName = spec.IssuerName;
        Validity = spec.Validity;
        Certificate = certificate;
        PrivateKey = privateKey;
    }

    /// <summary>The file stem, e.g. <c>stub-idp-signing</c>.</summary>
    public string Name { get; }

    /// <summary>What the credential is for, in a few words.</summary>
    public string Role { get; }

    /// <summary>Root, intermediate, signing, encryption or TLS server.</summary>
    public SampleCertificateKind Kind { get; }

    /// <summary>The key pair's algorithm and size.</summary>
    public SampleKeyAlgorithm KeyAlgorithm { get; }

    /// <summary>The issuing credential's <see cref="Name"/>; null for the self-signed root.</summary>
    public string? IssuerName { get; }

    /// <summary>The validity window the plan asked for, relative to generation.</summary>
    public SampleValidity Validity { get; }

    /// <summary>The certificate (public part only).</summary>
    public X509Certificate2 Certificate { get; }

    /// <summary>The private key (an <see cref="RSA"/> or an <see cref="ECDsa"/>).</summary>
    public AsymmetricAlgorithm PrivateKey { get; }

    /// <summary>The certificate file name, <c>{Name}.crt</c>.</summary>
    public string CertificateFileName => Name + ".crt";

    /// <summary>The private key file name, <c>{Name}.key</c>.</summary>
    public string KeyFileName => Name + ".key";

    /// <summary>The certificate as PEM (<c>BEGIN CERTIFICATE</c>).</summary>
    public string ExportCertificatePem()
    {
        return Certificate.ExportCertificatePem();
    }

    /// <summary>The private key as unencrypted PKCS#8 PEM (<c>BEGIN PRIVATE KEY</c>).</summary>
    public string ExportPrivateKeyPem()
    {
        return PrivateKey.ExportPkcs8PrivateKeyPem();
    }

    /// <inheritdoc />
    public void Dispose()
    {
        Certificate.Dispose();
        PrivateKey.Dispose();
    }
}
