using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

using Verify.Saml.Trust;

namespace Verify.Saml.Tests.Support;

/// <summary>
/// Key material for the attack suite: the legitimate IDP, an attacker, an impostor clone of the IDP's
/// certificate, another federation member (the test RP) and a weak 1024-bit key. Taken from
/// <c>certs-sample/</c> when the sample PKI has been generated, otherwise made in memory once per run
/// (RSA key generation is slow, so everything is cached).
/// </summary>
internal static class AttackKeys
{
    public const string IdpEntityId = "https://idp.test/saml";

    private static readonly Lazy<X509Certificate2> LazyIdp = new(() => Load("stub-idp-signing") ?? SelfSigned("CN=Verify sample stub IDP signing", 2048));
    private static readonly Lazy<X509Certificate2> LazyClone = new(() => Load("stub-idp-signing-clone") ?? CloneOf(Idp));
    private static readonly Lazy<X509Certificate2> LazyRp = new(() => Load("test-rp-signing") ?? SelfSigned("CN=Verify sample test RP signing", 2048));
    private static readonly Lazy<X509Certificate2> LazyWeak = new(() => Load("weak-rsa1024-signing") ?? SelfSigned("CN=Verify sample weak RSA-1024 signing", 1024));
    private static readonly Lazy<X509Certificate2> LazyAttacker = new(() => SelfSigned("CN=attacker", 2048));
    private static readonly Lazy<X509Certificate2> LazyAttackerEcdsa = new(() => SelfSignedEcdsa("CN=attacker ecdsa"));

    /// <summary>The IDP's registered signing certificate (with its private key).</summary>
    public static X509Certificate2 Idp => LazyIdp.Value;

    /// <summary>Same subject, issuer and serial number as <see cref="Idp"/>, another key.</summary>
    public static X509Certificate2 IdpClone => LazyClone.Value;

    /// <summary>Another federation member's signing certificate (the test RP).</summary>
    public static X509Certificate2 Rp => LazyRp.Value;

    /// <summary>A signing certificate with a 1024-bit RSA key.</summary>
    public static X509Certificate2 Weak => LazyWeak.Value;

    /// <summary>A self-signed certificate nobody registered.</summary>
    public static X509Certificate2 Attacker => LazyAttacker.Value;

    /// <summary>A self-signed ECDSA P-256 certificate nobody registered.</summary>
    public static X509Certificate2 AttackerEcdsa => LazyAttackerEcdsa.Value;

    /// <summary>The keys the hub trusts for the IDP: its registered certificate only.</summary>
    public static TrustedKeySet IdpKeys() => TrustedKeySet.For(IdpEntityId, TrustedSigningKey.FromCertificate(Idp));

    /// <summary>Keys trusted for one party, from certificates (public keys only are used).</summary>
    public static TrustedKeySet KeysOf(params X509Certificate2[] certificates) =>
        TrustedKeySet.For(IdpEntityId, [.. certificates.Select(TrustedSigningKey.FromCertificate)]);

    private static X509Certificate2? Load(string name)
    {
        var root = RepositoryRoot();
        var certificate = root is null ? null : Path.Combine(root, "certs-sample", name + ".crt");
        var key = root is null ? null : Path.Combine(root, "certs-sample", name + ".key");
        return certificate is not null && File.Exists(certificate) && File.Exists(key)
            ? X509Certificate2.CreateFromPemFile(certificate, key)
            : null;
    }

    private static string? RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Verify.sln")))
            {
                return directory.FullName;
            }
        }

        return null;
    }

    // The keys stay undisposed: the certificates returned hold them for the whole run.
    private static X509Certificate2 SelfSigned(string subject, int bits)
    {
        var rsa = RSA.Create(bits);
        var request = new CertificateRequest(subject, rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, critical: true));
        return request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
    }

    private static X509Certificate2 SelfSignedEcdsa(string subject)
    {
        var ecdsa = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest(subject, ecdsa, HashAlgorithmName.SHA256);
        return request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
    }

    /// <summary>The classic impostor: every visible field of the original (subject, serial, dates), a new key.</summary>
    private static X509Certificate2 CloneOf(X509Certificate2 original)
    {
        var rsa = RSA.Create(2048);
        var request = new CertificateRequest(original.SubjectName, rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var issuer = X509SignatureGenerator.CreateForRSA(rsa, RSASignaturePadding.Pkcs1);
        using var certificate = request.Create(original.IssuerName, issuer, original.NotBefore, original.NotAfter, original.SerialNumberBytes.Span);
        return certificate.CopyWithPrivateKey(rsa);
    }
}
