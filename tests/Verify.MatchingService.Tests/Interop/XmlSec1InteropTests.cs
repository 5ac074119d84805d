using Verify.MatchingService.Tests.Support;
using Verify.Saml.Samlp;
using Verify.Testing;

namespace Verify.MatchingService.Tests.Interop;

/// <summary>
/// An independent implementation reads the matching service's answer (STYLE.md "Independent peers check our wire
/// format"): xmlsec1 verifies the Response signature with the matching service's certificate, decrypts the assertion
/// with the hub's key, and verifies the assertion's own signature.
/// </summary>
public sealed class XmlSec1InteropTests
{
    private const string ResponseId = "urn:oasis:names:tc:SAML:2.0:protocol:Response";
    private const string AssertionId = "urn:oasis:names:tc:SAML:2.0:assertion:Assertion";

    [Test]
    public async Task XmlSec1_VerifiesAndDecryptsTheMatchAnswer()
    {
        await using var host = await MatchingServiceHost.StartAsync();
        using var hub = new TestHub(host);
        var response = await hub.SendAsync(hub.Compose(hub.Query()));
        var folder = Directory.CreateTempSubdirectory("verify-msa-xmlsec-");
        try
        {
            var responseFile = Path.Combine(folder.FullName, "response.xml");
            var decryptedFile = Path.Combine(folder.FullName, "decrypted.xml");
            await File.WriteAllTextAsync(responseFile, response.OuterXml);
            var signingCertificate = SampleCerts.CertificatePath("matching-service-signing");

            var verifyResponse = XmlSec1("--verify", "--pubkey-cert-pem", signingCertificate, "--id-attr:ID", ResponseId, responseFile);
            var decrypt = XmlSec1("--decrypt", "--privkey-pem", SampleCerts.KeyPath("hub-encryption"), "--output", decryptedFile, responseFile);
            var verifyAssertion = decrypt.ExitCode == 0
                ? XmlSec1(
                    "--verify", "--pubkey-cert-pem", signingCertificate, "--id-attr:ID", AssertionId,
                    "--node-xpath", "//*[local-name()='Assertion']/*[local-name()='Signature']", decryptedFile)
                : decrypt;

            Assert.Multiple(() =>
            {
                Assert.That(response.LocalName, Is.EqualTo("Response"));
                Assert.That(verifyResponse.ExitCode, Is.Zero, verifyResponse.AllOutput);
                Assert.That(decrypt.ExitCode, Is.Zero, decrypt.AllOutput);
                Assert.That(verifyAssertion.ExitCode, Is.Zero, verifyAssertion.AllOutput);
                Assert.That(File.ReadAllText(decryptedFile), Does.Contain(StatusCodes.Match));
            });
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private static ProcessResult XmlSec1(params string[] arguments) => ExternalProcess.Run("xmlsec1", arguments);
}
