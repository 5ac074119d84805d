using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

using Verify.Cli.Tests.Support;
using Verify.Pki;
using Verify.Testing;

namespace Verify.Cli.Tests.Pki;

/// <summary>The committed certs-sample/ keys and certificates, as the hub and the tests will load them.</summary>
[TestFixture]
public sealed class CommittedSampleMaterialTests
{
    private static IEnumerable<string> AllCertificates() => SampleChains.AllCertificates();

    [TestCaseSource(nameof(AllCertificates))]
    public void IsSample_IsTrueForEveryCommittedCertificate(string stem)
    {
        var certificate = SampleCerts.Certificate(stem);

        Assert.That(SampleCertificates.IsSample(certificate), Is.True, certificate.Subject);
    }

    [Test]
    public void IsSample_IsFalseForAFreshSelfSignedCertificate()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest(
            "CN=hub.example.gov.uk, O=Example Department, C=GB", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));

        Assert.That(SampleCertificates.IsSample(certificate), Is.False);
    }

    [Test]
    public void IsSample_IsTrueForAnInnocentlyNamedCertificateIssuedByTheSampleRoot()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest(
            "CN=hub.example.gov.uk, O=Example Department, C=GB", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var root = SampleCerts.CertificateWithKey("root-ca");
        using var certificate = request.Create(
            root, DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1), [0x42, 0x01]);

        Assert.That(SampleCertificates.IsSample(certificate), Is.True);
    }

    [Test]
    public void WeakCertificate_HasA1024BitRsaKey()
    {
        var key = SampleCerts.Certificate("weak-rsa1024-signing").GetRSAPublicKey();

        Assert.That(key, Is.Not.Null);
        Assert.That(key!.KeySize, Is.EqualTo(1024));
    }

    [Test]
    public void EcdsaSigningCertificate_HasAP256Key()
    {
        var key = SampleCerts.EcdsaKey("stub-idp-signing-ecdsa");

        Assert.That(key.KeySize, Is.EqualTo(256));
        Assert.That(key.ExportParameters(false).Curve.Oid.Value, Is.EqualTo("1.2.840.10045.3.1.7"));
    }

    [Test]
    public void Clone_HasTheSubjectIssuerAndSerialOfStubIdpSigningButADifferentKey()
    {
        var original = SampleCerts.Certificate("stub-idp-signing");
        var clone = SampleCerts.Certificate("stub-idp-signing-clone");

        Assert.Multiple(() =>
        {
            Assert.That(clone.SubjectName.RawData, Is.EqualTo(original.SubjectName.RawData));
            Assert.That(clone.IssuerName.RawData, Is.EqualTo(original.IssuerName.RawData));
            Assert.That(clone.SerialNumber, Is.EqualTo(original.SerialNumber));
            Assert.That(clone.PublicKey.EncodedKeyValue.RawData, Is.Not.EqualTo(original.PublicKey.EncodedKeyValue.RawData));
            Assert.That(clone.Thumbprint, Is.Not.EqualTo(original.Thumbprint));
        });
    }

    [TestCaseSource(nameof(AllCertificates))]
    public void CommittedKey_IsUnencryptedPkcs8AndBelongsToItsCertificate(string stem)
    {
        var pem = File.ReadAllText(SampleCerts.KeyPath(stem));
        var certificate = SampleCerts.CertificateWithKey(stem);
        var data = "belongs to its certificate"u8.ToArray();

        bool verified;
        if (certificate.GetRSAPrivateKey() is { } rsa)
        {
            var signature = rsa.SignData(data, HashAlgorithmName.SHA256, RSASignaturePadding.Pss);
            verified = certificate.GetRSAPublicKey()!.VerifyData(data, signature, HashAlgorithmName.SHA256, RSASignaturePadding.Pss);
        }
        else
        {
            var ecdsa = certificate.GetECDsaPrivateKey()!;
            var signature = ecdsa.SignData(data, HashAlgorithmName.SHA256);
            verified = certificate.GetECDsaPublicKey()!.VerifyData(data, signature, HashAlgorithmName.SHA256);
        }

        Assert.That(pem, Does.StartWith("-----BEGIN PRIVATE KEY-----"));
        Assert.That(verified, Is.True);
    }

    [Test]
    public void CommittedInDateCertificates_StayInDateForAtLeastAnotherYear()
    {
        // Fails a year before the samples expire, so there is time to regenerate them.
        var deadline = DateTime.UtcNow.AddYears(1);
        var expiring = SampleChains.InDate
            .Select(chain => SampleCerts.Certificate(chain.Certificate))
            .Where(certificate => certificate.NotAfter.ToUniversalTime() < deadline || certificate.NotBefore.ToUniversalTime() > DateTime.UtcNow)
            .Select(certificate => certificate.Subject);

        Assert.That(expiring, Is.Empty, "Regenerate with: verify pki sample --out certs-sample --force");
    }
}
