using System.Numerics;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

using Verify.Saml.Trust;
using Verify.Testing;

namespace Verify.Saml.Tests.Trust;

/// <summary>
/// Makes CRLs for tests with the framework's <see cref="CertificateRevocationListBuilder"/>, signed by the sample CAs
/// (their keys are committed in <c>certs-sample/</c>): current, stale, issued in the future, or forged (one CA's name,
/// another CA's key).
/// </summary>
internal static class TestCrls
{
    /// <summary>
    /// A CRL issued by the sample CA <paramref name="caStem"/> revoking <paramref name="revoked"/>, current at
    /// <see cref="TestPki.Now"/> unless the update times say otherwise.
    /// </summary>
    public static byte[] Build(string caStem, IEnumerable<X509Certificate2> revoked, DateTimeOffset? thisUpdate = null, DateTimeOffset? nextUpdate = null)
    {
        var builder = Entries(revoked);
        return builder.Build(
            SampleCerts.CertificateWithKey(caStem),
            BigInteger.One,
            nextUpdate ?? TestPki.Now.AddDays(7),
            HashAlgorithmName.SHA256,
            RSASignaturePadding.Pkcs1,
            thisUpdate ?? TestPki.Now.AddDays(-1));
    }

    /// <summary>A CRL carrying <paramref name="claimedCaStem"/>'s name and key identifier, signed with <paramref name="signingCaStem"/>'s key.</summary>
    public static byte[] Forged(string claimedCaStem, string signingCaStem, IEnumerable<X509Certificate2> revoked)
    {
        var claimed = SampleCerts.Certificate(claimedCaStem);
        var generator = X509SignatureGenerator.CreateForRSA(SampleCerts.RsaKey(signingCaStem), RSASignaturePadding.Pkcs1);
        return Entries(revoked).Build(
            claimed.SubjectName,
            generator,
            BigInteger.One,
            TestPki.Now.AddDays(7),
            HashAlgorithmName.SHA256,
            X509AuthorityKeyIdentifierExtension.CreateFromCertificate(claimed, includeKeyIdentifier: true, includeIssuerAndSerial: false),
            TestPki.Now.AddDays(-1));
    }

    /// <summary>A CRL of <paramref name="caStem"/>, really signed by it, but with RSA-SHA1 (which the framework will not build).</summary>
    public static byte[] Sha1Signed(string caStem)
    {
        var ca = SampleCerts.Certificate(caStem);
        return Entries([]).Build(
            ca.SubjectName,
            new Sha1RsaGenerator(SampleCerts.RsaKey(caStem)),
            BigInteger.One,
            TestPki.Now.AddDays(7),
            HashAlgorithmName.SHA256,
            X509AuthorityKeyIdentifierExtension.CreateFromCertificate(ca, includeKeyIdentifier: true, includeIssuerAndSerial: false),
            TestPki.Now.AddDays(-1));
    }

    /// <summary>A CRL signed by a CA outside the federation, under that CA's own name.</summary>
    public static byte[] FromOutsideCa()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=Not a federation CA", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, critical: true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, critical: true));
        using var ca = request.CreateSelfSigned(TestPki.Now.AddYears(-1), TestPki.Now.AddYears(1));
        return new CertificateRevocationListBuilder().Build(ca, BigInteger.One, TestPki.Now.AddDays(7), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1, TestPki.Now.AddDays(-1));
    }

    /// <summary>Parses CRL bytes into the type the anchors take.</summary>
    public static CertificateRevocationList Load(byte[] crl) => CertificateRevocationList.Load(crl);

    /// <summary>Signs with sha1WithRSAEncryption (1.2.840.113549.1.1.5) whatever hash the builder asks for.</summary>
    private sealed class Sha1RsaGenerator(RSA key) : X509SignatureGenerator
    {
        public override byte[] GetSignatureAlgorithmIdentifier(HashAlgorithmName hashAlgorithm) =>
            [0x30, 0x0D, 0x06, 0x09, 0x2A, 0x86, 0x48, 0x86, 0xF7, 0x0D, 0x01, 0x01, 0x05, 0x05, 0x00];

        public override byte[] SignData(byte[] data, HashAlgorithmName hashAlgorithm) =>
            key.SignData(data, HashAlgorithmName.SHA1, RSASignaturePadding.Pkcs1);

        protected override PublicKey BuildPublicKey() => PublicKey.CreateFromSubjectPublicKeyInfo(key.ExportSubjectPublicKeyInfo(), out _);
    }

    private static CertificateRevocationListBuilder Entries(IEnumerable<X509Certificate2> revoked)
    {
        var builder = new CertificateRevocationListBuilder();
        foreach (var certificate in revoked)
        {
            builder.AddEntry(certificate, TestPki.Now.AddDays(-1), X509RevocationReason.KeyCompromise);
        }

        return builder;
    }
}
