using Verify.StubIdp.Tests.Support;
using Verify.Testing;

namespace Verify.StubIdp.Tests;

/// <summary>
/// An independent implementation reads the stub's answer (STYLE.md "Independent peers check our wire format"):
/// xmlsec1 verifies the Response signature with the stub's certificate, decrypts an assertion with the hub's key,
/// and verifies the assertion's own signature.
/// </summary>
public sealed class XmlSec1InteropTests
{
    private const string ResponseId = "urn:oasis:names:tc:SAML:2.0:protocol:Response";
    private const string AssertionId = "urn:oasis:names:tc:SAML:2.0:assertion:Assertion";

    [Test]
    public async Task XmlSec1_VerifiesAndDecryptsTheResponse()
    {
        await using var host = await StubIdpHost.StartAsync();
        var journey = await new LoginJourney(host, "stub-idp-one").OpenLoginPageAsync();
        var answer = await journey.AnswerAsync("success-level2", "zoe-fernandez-hughes");
        var folder = Directory.CreateTempSubdirectory("verify-stub-idp-xmlsec-");
        try
        {
            var response = Path.Combine(folder.FullName, "response.xml");
            var decrypted = Path.Combine(folder.FullName, "decrypted.xml");
            await File.WriteAllTextAsync(response, answer.Response.OuterXml);

            var verifyResponse = XmlSec1("--verify", "--pubkey-cert-pem", SampleCerts.CertificatePath("stub-idp-signing"), "--id-attr:ID", ResponseId, response);
            var decrypt = XmlSec1("--decrypt", "--privkey-pem", SampleCerts.KeyPath("hub-encryption"), "--output", decrypted, response);
            var verifyAssertion = decrypt.ExitCode == 0
                ? XmlSec1(
                    "--verify", "--pubkey-cert-pem", SampleCerts.CertificatePath("stub-idp-signing"), "--id-attr:ID", AssertionId,
                    "--node-xpath", "//*[local-name()='Assertion']/*[local-name()='Signature']", decrypted)
                : decrypt;

            Assert.Multiple(() =>
            {
                Assert.That(verifyResponse.ExitCode, Is.Zero, verifyResponse.AllOutput);
                Assert.That(decrypt.ExitCode, Is.Zero, decrypt.AllOutput);
                Assert.That(verifyAssertion.ExitCode, Is.Zero, verifyAssertion.AllOutput);
            });
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private static ProcessResult XmlSec1(params string[] arguments) => ExternalProcess.Run("xmlsec1", arguments);
}
