using System.CommandLine;
using System.Xml;

using Verify.Cli.Commands;
using Verify.Saml.Trust;
using Verify.Saml.Xml;
using Verify.Testing;

namespace Verify.Cli.Tests.Commands;

/// <summary><c>verify saml encrypt</c> and <c>verify saml decrypt</c>, through their command factories.</summary>
[TestFixture]
public sealed class SamlCryptoCommandTests
{
    private const string NameId = "pid-cli-4410";

    private const string Response = $"""
        <samlp:Response xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion" ID="_cli-r1" Version="2.0" IssueInstant="2026-11-30T10:00:00Z">
          <saml:Issuer>https://idp.test/saml</saml:Issuer>
          <saml:Assertion ID="_cli-a1" Version="2.0" IssueInstant="2026-11-30T10:00:00Z">
            <saml:Issuer>https://idp.test/saml</saml:Issuer>
            <saml:Subject><saml:NameID>{NameId}</saml:NameID></saml:Subject>
          </saml:Assertion>
        </samlp:Response>
        """;

    private string _folder = null!;

    [SetUp]
    public void CreateFolder()
    {
        _folder = Path.Combine(Path.GetTempPath(), "verify-cli-crypto-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_folder);
    }

    [TearDown]
    public void DeleteFolder() => Directory.Delete(_folder, recursive: true);

    [Test]
    public void EncryptThenDecrypt_WithTheSecondOfTwoKeys_GivesBackTheSignedAssertion()
    {
        var input = Write("signed.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + SignedAssertionResponse());
        var encrypted = Path.Combine(_folder, "encrypted.xml");
        var decrypted = Path.Combine(_folder, "decrypted.xml");

        var encrypt = Run(SamlCryptoCommands.CreateEncrypt(), input, "--cert", SampleCerts.CertificatePath("test-rp-encryption"), "--out", encrypted);
        var decrypt = Run(
            SamlCryptoCommands.CreateDecrypt(), encrypted,
            "--key", SampleCerts.KeyPath("hub-encryption"), "--key", SampleCerts.KeyPath("test-rp-encryption"), "--out", decrypted);

        Assert.Multiple(() =>
        {
            Assert.That(encrypt.Exit, Is.EqualTo(ExitCodes.Success), encrypt.Error);
            Assert.That(File.ReadAllText(encrypted), Does.Contain("EncryptedAssertion").And.Contain("xmlenc11#aes256-gcm").And.Not.Contain(NameId));
            Assert.That(decrypt.Exit, Is.EqualTo(ExitCodes.Success), decrypt.Error);
        });
        var document = SecureXml.Load(File.ReadAllBytes(decrypted));
        var assertion = (XmlElement)document.GetElementsByTagName("Assertion", XmlNames.Saml)[0]!;
        var idp = TrustedKeySet.For("https://idp.test/saml", TrustedSigningKey.FromCertificate(SampleCerts.Certificate("stub-idp-signing")));
        Assert.That(XmlSignatureVerifier.Verify(assertion, idp).Element.InnerText, Does.Contain(NameId));
    }

    [Test]
    public void Encrypt_WithAes128_WritesAes128GcmToStandardOutput()
    {
        var run = Run(SamlCryptoCommands.CreateEncrypt(), Write("in.xml", Response), "--cert", SampleCerts.CertificatePath("hub-encryption"), "--aes128");

        Assert.That(run.Exit, Is.EqualTo(ExitCodes.Success), run.Error);
        Assert.That(run.Output, Does.Contain("xmlenc11#aes128-gcm").And.Contain("rsa-oaep-mgf1p").And.Not.Contain(NameId));
    }

    [Test]
    public void Decrypt_WithOnlyAWrongKey_FailsWithCouldNotDecrypt()
    {
        var encrypted = Run(SamlCryptoCommands.CreateEncrypt(), Write("in.xml", Response), "--cert", SampleCerts.CertificatePath("hub-encryption"));

        var run = Run(SamlCryptoCommands.CreateDecrypt(), Write("enc.xml", encrypted.Output), "--key", SampleCerts.KeyPath("test-rp-encryption"));

        Assert.That(run.Exit, Is.EqualTo(ExitCodes.Failure));
        Assert.That(run.Error, Does.Contain("VS6009").And.Contain("EncryptionCouldNotDecrypt"));
    }

    [Test]
    public void Encrypt_WarnsThatASignedRootMustBeSignedAgain()
    {
        var document = SecureXml.Load(SignedAssertionResponse());
        using (var credential = SigningCredential.FromCertificate(SampleCerts.CertificateWithKey("stub-idp-signing")))
        {
            XmlSigner.Sign(document.DocumentElement!, credential);
        }

        var run = Run(SamlCryptoCommands.CreateEncrypt(), Write("in.xml", document.OuterXml), "--cert", SampleCerts.CertificatePath("hub-encryption"));

        Assert.That(run.Exit, Is.EqualTo(ExitCodes.Success), run.Error);
        Assert.That(run.Error, Does.Contain("sign the root again"));
    }

    [Test]
    public void Encrypt_OfAMessageWithoutAssertions_Fails()
    {
        var run = Run(SamlCryptoCommands.CreateEncrypt(), Write("in.xml", "<samlp:Response xmlns:samlp=\"urn:oasis:names:tc:SAML:2.0:protocol\" ID=\"_x\"/>"), "--cert", SampleCerts.CertificatePath("hub-encryption"));

        Assert.That(run.Exit, Is.EqualTo(ExitCodes.Failure));
        Assert.That(run.Error, Does.Contain("no saml:Assertion"));
    }

    [Test]
    public void Encrypt_ForAWeakCertificate_IsRefused()
    {
        var run = Run(SamlCryptoCommands.CreateEncrypt(), Write("in.xml", Response), "--cert", SampleCerts.CertificatePath("weak-rsa1024-signing"));

        Assert.That(run.Exit, Is.EqualTo(ExitCodes.Failure));
        Assert.That(run.Error, Does.Contain("VS6011"));
    }

    [Test]
    public void Decrypt_WithoutAKey_IsRefusedByTheParser()
    {
        var run = Run(SamlCryptoCommands.CreateDecrypt(), Write("in.xml", Response));

        Assert.That(run.Exit, Is.Not.EqualTo(ExitCodes.Success));
        Assert.That(run.Error, Does.Contain("--key"));
    }

    private static (int Exit, string Output, string Error) Run(Command command, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = command.Parse(args).Invoke(new InvocationConfiguration { Output = output, Error = error });
        return (exit, output.ToString(), error.ToString());
    }

    private static string SignedAssertionResponse()
    {
        var document = SecureXml.Load(Response);
        using var credential = SigningCredential.FromCertificate(SampleCerts.CertificateWithKey("stub-idp-signing"));
        XmlSigner.Sign((XmlElement)document.GetElementsByTagName("Assertion", XmlNames.Saml)[0]!, credential);
        return document.OuterXml;
    }

    private string Write(string name, string content)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllText(path, content);
        return path;
    }
}
