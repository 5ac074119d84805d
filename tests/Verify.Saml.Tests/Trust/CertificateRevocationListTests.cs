using System.Text;

using Verify.Saml.Errors;
using Verify.Saml.Trust;

namespace Verify.Saml.Tests.Trust;

/// <summary>Reading CRLs (RFC 5280 5.1) in DER and PEM, and refusing what is not one.</summary>
public sealed class CertificateRevocationListTests
{
    [Test]
    public void Load_ReadsIssuerTimesAndEntries_FromDer()
    {
        var revoked = TestPki.Cert("stub-idp-signing");

        var crl = CertificateRevocationList.Load(TestCrls.Build("idp-ca", [revoked]));

        Assert.Multiple(() =>
        {
            Assert.That(crl.Issuer.Name, Is.EqualTo(TestPki.Cert("idp-ca").Subject));
            Assert.That(crl.ThisUpdate, Is.EqualTo(TestPki.Now.AddDays(-1)).Within(TimeSpan.FromSeconds(1)));
            Assert.That(crl.NextUpdate, Is.EqualTo(TestPki.Now.AddDays(7)).Within(TimeSpan.FromSeconds(1)));
            Assert.That(crl.Count, Is.EqualTo(1));
            Assert.That(crl.Revokes(revoked), Is.True);
            Assert.That(crl.Revokes(TestPki.Cert("stub-idp-encryption")), Is.False);
            Assert.That(crl.IsSignedBy(TestPki.Cert("idp-ca")), Is.True);
            Assert.That(crl.IsSignedBy(TestPki.Cert("rp-ca")), Is.False);
        });
    }

    [Test]
    public void Load_ReadsPem()
    {
        var der = TestCrls.Build("rp-ca", [TestPki.Cert("test-rp-signing")]);
        var pem = Encoding.ASCII.GetBytes(new string(System.Security.Cryptography.PemEncoding.Write("X509 CRL", der)));

        var crl = CertificateRevocationList.Load(pem);

        Assert.That(crl.Revokes(TestPki.Cert("test-rp-signing")), Is.True);
    }

    [Test]
    public void IsSignedBy_IsFalse_ForAForgedList()
    {
        var forged = CertificateRevocationList.Load(TestCrls.Forged("idp-ca", "rp-ca", []));

        Assert.That(forged.IsSignedBy(TestPki.Cert("idp-ca")), Is.False);
    }

    [TestCase(new byte[] { 0x30, 0x03, 0x02, 0x01, 0x01 }, TestName = "Load_RefusesDerThatIsNotACrl")]
    [TestCase(new byte[] { 0x2D, 0x2D, 0x2D }, TestName = "Load_RefusesBrokenPem")]
    [TestCase(new byte[] { 0x01, 0x02 }, TestName = "Load_RefusesGarbage")]
    public void Load_RefusesWhatIsNotACrl(byte[] bytes)
    {
        var exception = Assert.Throws<SamlException>(() => CertificateRevocationList.Load(bytes));

        Assert.That(exception!.Code, Is.EqualTo(SamlErrorCode.TrustRevocationListInvalid));
    }

    [Test]
    public void Load_RefusesACrlWithTrailingBytesOrATamperedSignatureAlgorithm()
    {
        var der = TestCrls.Build("idp-ca", []);
        var trailing = der.Concat(new byte[] { 0x00 }).ToArray();

        var exception = Assert.Throws<SamlException>(() => CertificateRevocationList.Load(trailing));

        Assert.That(exception!.Code, Is.EqualTo(SamlErrorCode.TrustRevocationListInvalid));
    }
}
