using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

using Microsoft.Extensions.Time.Testing;

using Verify.Cli.Tests.Support;
using Verify.Pki;

namespace Verify.Cli.Tests.Pki;

/// <summary>The generator, in memory, against a fixed clock.</summary>
[TestFixture]
public sealed class SamplePkiGeneratorTests
{
    private static readonly DateTimeOffset Now = new(2030, 1, 15, 12, 30, 45, 500, TimeSpan.Zero);
    private static readonly DateTime NowWholeSeconds = new(2030, 1, 15, 12, 30, 45, DateTimeKind.Utc);

    private static readonly string[] ServerAuthOnly = ["1.3.6.1.5.5.7.3.1"];

    private SamplePki _pki = null!;

    [OneTimeSetUp]
    public void GenerateOnce()
    {
        _pki = new SamplePkiGenerator(new FakeTimeProvider(Now)).Generate();
    }

    [OneTimeTearDown]
    public void DisposeKeys()
    {
        _pki.Dispose();
    }

    [Test]
    public void Generate_MeasuresValidityFromTheInjectedClock()
    {
        var leaf = _pki["hub-signing"].Certificate;
        var root = _pki["root-ca"].Certificate;

        Assert.Multiple(() =>
        {
            Assert.That(_pki.GeneratedAt, Is.EqualTo(new DateTimeOffset(NowWholeSeconds)));
            Assert.That(leaf.NotBefore.ToUniversalTime(), Is.EqualTo(NowWholeSeconds.AddDays(-1)));
            Assert.That(leaf.NotAfter.ToUniversalTime(), Is.EqualTo(NowWholeSeconds.AddYears(15)));
            Assert.That(root.NotAfter.ToUniversalTime(), Is.EqualTo(NowWholeSeconds.AddYears(30)));
        });
    }

    [Test]
    public void Generate_PutsTheNegativeSamplesOutsideTheClock()
    {
        Assert.Multiple(() =>
        {
            Assert.That(_pki["expired-signing"].Certificate.NotAfter.ToUniversalTime(), Is.LessThan(NowWholeSeconds));
            Assert.That(_pki["not-yet-valid-signing"].Certificate.NotBefore.ToUniversalTime(), Is.GreaterThan(NowWholeSeconds.AddYears(10)));
            Assert.That(_pki["weak-rsa1024-signing"].Certificate.GetRSAPublicKey()!.KeySize, Is.EqualTo(1024));
        });
    }

    [TestCase("root-ca", 1)]
    [TestCase("hub-ca", 0)]
    [TestCase("idp-ca", 0)]
    [TestCase("rp-ca", 0)]
    [TestCase("metadata-ca", 0)]
    [TestCase("tls-ca", 0)]
    public void Generate_GivesCasCriticalBasicConstraintsWithPathLengthAndCertSignUsage(string name, int pathLength)
    {
        var certificate = _pki[name].Certificate;
        var constraints = Extension<X509BasicConstraintsExtension>(certificate);
        var usage = Extension<X509KeyUsageExtension>(certificate);

        Assert.Multiple(() =>
        {
            Assert.That(constraints.Critical && constraints.CertificateAuthority && constraints.HasPathLengthConstraint, Is.True);
            Assert.That(constraints.PathLengthConstraint, Is.EqualTo(pathLength));
            Assert.That(usage.KeyUsages, Is.EqualTo(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign));
        });
    }

    [Test]
    public void Generate_GivesEveryCertificateASubjectKeyIdAndItsIssuersKeyIdAsAuthorityKeyId()
    {
        foreach (var credential in _pki.Credentials)
        {
            var issuer = _pki[credential.IssuerName ?? credential.Name].Certificate;
            var authorityKeyId = Extension<X509AuthorityKeyIdentifierExtension>(credential.Certificate).KeyIdentifier;
            var issuerKeyId = Extension<X509SubjectKeyIdentifierExtension>(issuer).SubjectKeyIdentifierBytes;

            Assert.That(authorityKeyId!.Value.ToArray(), Is.EqualTo(issuerKeyId.ToArray()), credential.Name);
        }
    }

    [TestCase("hub-signing", X509KeyUsageFlags.DigitalSignature)]
    [TestCase("stub-idp-signing-ecdsa", X509KeyUsageFlags.DigitalSignature)]
    [TestCase("metadata-signing", X509KeyUsageFlags.DigitalSignature)]
    [TestCase("hub-encryption", X509KeyUsageFlags.KeyEncipherment | X509KeyUsageFlags.DataEncipherment)]
    [TestCase("matching-service-encryption", X509KeyUsageFlags.KeyEncipherment | X509KeyUsageFlags.DataEncipherment)]
    public void Generate_GivesLeavesTheKeyUsageOfTheirRole(string name, X509KeyUsageFlags expected)
    {
        var certificate = _pki[name].Certificate;

        Assert.That(Extension<X509KeyUsageExtension>(certificate).KeyUsages, Is.EqualTo(expected));
        Assert.That(Extension<X509BasicConstraintsExtension>(certificate).CertificateAuthority, Is.False);
    }

    [Test]
    public void Generate_GivesTheTlsCertificateServerAuthAndEveryTestHost()
    {
        var certificate = _pki["tls"].Certificate;
        var names = Extension<X509SubjectAlternativeNameExtension>(certificate);
        var usages = Extension<X509EnhancedKeyUsageExtension>(certificate).EnhancedKeyUsages.Cast<Oid>();

        Assert.Multiple(() =>
        {
            Assert.That(names.EnumerateDnsNames(), Is.SupersetOf(SampleChains.TlsHosts));
            Assert.That(names.EnumerateIPAddresses().Select(address => address.ToString()), Does.Contain("127.0.0.1"));
            Assert.That(usages.Select(oid => oid.Value), Is.EqualTo(ServerAuthOnly));
        });
    }

    [Test]
    public void Generate_MarksEveryCertificateAsSample()
    {
        Assert.That(_pki.Credentials.Select(credential => SampleCertificates.IsSample(credential.Certificate)), Has.All.True);
    }

    [Test]
    public void FileNames_AreTheNamesOfTheFilesAGeneratedPkiProduces()
    {
        var produced = _pki.ToFiles().Select(file => file.FileName);

        Assert.That(produced, Is.EqualTo(SamplePkiGenerator.FileNames));
    }

    [Test]
    public void ToFiles_WritesTheTlsChainAsLeafThenIntermediate()
    {
        var chain = new X509Certificate2Collection();
        chain.ImportFromPem(_pki.ToFiles().Single(file => file.FileName == SamplePki.TlsChainFileName).Content);

        Assert.That(chain.Select(certificate => certificate.Thumbprint), Is.EqualTo(new[]
        {
            _pki["tls"].Certificate.Thumbprint,
            _pki["tls-ca"].Certificate.Thumbprint,
        }));
    }

    private static T Extension<T>(X509Certificate2 certificate)
        where T : X509Extension
    {
        return certificate.Extensions.OfType<T>().Single();
    }
}
