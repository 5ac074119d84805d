using Verify.Cli.Tests.Support;
using Verify.Testing;

namespace Verify.Cli.Tests.Pki;

/// <summary>The committed certs-sample/ folder, judged by the real openssl.</summary>
[TestFixture]
public sealed class CommittedSampleChainTests
{
    private static readonly string Folder = RepoPaths.CertsSample;

    [TestCaseSource(typeof(SampleChains), nameof(SampleChains.InDateCases))]
    public void CommittedCertificate_VerifiesWithOpenSslAgainstTheRoot(string certificate, string? intermediate)
    {
        var result = OpenSsl.Verify(Folder, certificate, intermediate);

        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        Assert.That(result.StandardOutput, Does.Contain($"{certificate}.crt: OK"));
    }

    [Test]
    public void CommittedTlsCertificate_VerifiesForTheSslServerPurposeAndEveryTestHost()
    {
        var results = SampleChains.TlsHosts
            .Select(host => OpenSsl.Verify(Folder, "tls", "tls-ca", "-purpose", "sslserver", "-verify_hostname", host))
            .Append(OpenSsl.Verify(Folder, "tls", "tls-ca", "-purpose", "sslserver", "-verify_ip", "127.0.0.1"))
            .ToList();

        Assert.That(results.Select(result => result.ExitCode), Has.All.EqualTo(0), string.Join("\n", results));
    }

    [Test]
    public void CommittedTlsCertificate_FailsForAHostItDoesNotName()
    {
        var result = OpenSsl.Verify(Folder, "tls", "tls-ca", "-purpose", "sslserver", "-verify_hostname", "example.org");

        Assert.That(result.ExitCode, Is.Not.Zero);
        Assert.That(result.AllOutput, Does.Contain("hostname mismatch"));
    }

    [Test]
    public void CommittedExpiredCertificate_FailsOpenSslVerifyAsExpired()
    {
        var result = OpenSsl.Verify(Folder, "expired-signing", "idp-ca");

        Assert.That(result.ExitCode, Is.Not.Zero);
        Assert.That(result.AllOutput, Does.Contain("certificate has expired"));
    }

    [Test]
    public void CommittedNotYetValidCertificate_FailsOpenSslVerifyAsNotYetValid()
    {
        var result = OpenSsl.Verify(Folder, "not-yet-valid-signing", "idp-ca");

        Assert.That(result.ExitCode, Is.Not.Zero);
        Assert.That(result.AllOutput, Does.Contain("certificate is not yet valid"));
    }

    [Test]
    public void CommittedWeakCertificate_FailsOpenSslVerifyAsTooWeakAtSecurityLevel2()
    {
        // Level 2 = 112-bit security: RSA under 2048 bits is refused, as the hub refuses it.
        var result = OpenSsl.Verify(Folder, "weak-rsa1024-signing", "idp-ca", "-auth_level", "2");

        Assert.That(result.ExitCode, Is.Not.Zero);
        Assert.That(result.AllOutput, Does.Contain("key too weak"));
    }

    [Test]
    public void CommittedFolder_HoldsExactlyTheCertificatesTheChainTableNames()
    {
        var certificates = Directory.GetFiles(Folder, "*.crt").Select(Path.GetFileNameWithoutExtension);

        Assert.That(certificates, Is.EquivalentTo(SampleChains.AllCertificates()));
    }
}
