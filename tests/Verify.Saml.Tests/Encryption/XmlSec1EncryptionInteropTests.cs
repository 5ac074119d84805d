using System.Text;
using System.Xml;

using Verify.Saml.Tests.Support;
using Verify.Saml.Xml;
using Verify.Saml.Xml.Encryption;
using Verify.Testing;

using static Verify.Saml.Tests.Encryption.EncryptionSamples;

namespace Verify.Saml.Tests.Encryption;

/// <summary>
/// xmlsec1 1.2.37 (what pysaml2 runs) decrypts what we encrypt, and we decrypt what it encrypts; the
/// assertion's signature verifies with our verifier on both sides.
/// </summary>
public sealed class XmlSec1EncryptionInteropTests
{
    private const string Template = """
        <xenc:EncryptedData xmlns:xenc="http://www.w3.org/2001/04/xmlenc#" Type="http://www.w3.org/2001/04/xmlenc#Element">
          <xenc:EncryptionMethod Algorithm="http://www.w3.org/2009/xmlenc11#{0}"/>
          <ds:KeyInfo xmlns:ds="http://www.w3.org/2000/09/xmldsig#">
            <xenc:EncryptedKey>
              <xenc:EncryptionMethod Algorithm="http://www.w3.org/2001/04/xmlenc#rsa-oaep-mgf1p">
                <ds:DigestMethod Algorithm="http://www.w3.org/2000/09/xmldsig#sha1"/>
              </xenc:EncryptionMethod>
              <xenc:CipherData><xenc:CipherValue/></xenc:CipherData>
            </xenc:EncryptedKey>
          </ds:KeyInfo>
          <xenc:CipherData><xenc:CipherValue/></xenc:CipherData>
        </xenc:EncryptedData>
        """;

    [TestCase(DataEncryptionAlgorithm.Aes256Gcm)]
    [TestCase(DataEncryptionAlgorithm.Aes128Gcm)]
    public void Xmlsec1_DecryptsWhatWeEncrypt_AndTheSignatureStillVerifies(DataEncryptionAlgorithm algorithm)
    {
        var document = EncryptedResponse(RpKey, algorithm);
        using var temp = new XmlSec1.TempDir();
        var input = temp.Write("encrypted.xml", document.OuterXml);
        var output = Path.Combine(temp.Path, "decrypted.xml");

        var (exit, log) = XmlSec1.Run("--decrypt", "--privkey-pem", SampleCerts.KeyPath(RpKey), "--output", output, input);

        Assert.That(exit, Is.Zero, log);
        var decrypted = SecureXml.Load(File.ReadAllBytes(output));
        var assertion = Assertion(decrypted);
        Assert.Multiple(() =>
        {
            Assert.That(assertion.GetAttribute("ID"), Is.EqualTo(AssertionId));
            Assert.That(assertion.InnerText, Does.Contain(NameId));
            Assert.That(XmlSignatureVerifier.Verify(assertion, IdpKeys()).Element, Is.SameAs(assertion));
        });
    }

    [TestCase("aes256-gcm", "aes-256")]
    [TestCase("aes128-gcm", "aes-128")]
    public void WeDecrypt_WhatXmlsec1Encrypts_AndTheSignatureStillVerifies(string algorithm, string sessionKey)
    {
        var decrypted = DecryptXmlsec1Output(SignedResponse(), algorithm, sessionKey, selfContained: true);

        Assert.That(XmlSignatureVerifier.Verify(decrypted, IdpKeys()).Element, Is.SameAs(decrypted));
    }

    [Test]
    public void WeDecrypt_Xmlsec1Plaintext_ThatInheritsItsNamespacesFromTheMessage()
    {
        // xmlsec1 serialises the node as it stands, so an assertion relying on the Response's xmlns:saml
        // arrives without it; XML Encryption's decryption rules parse it in the EncryptedData's context.
        var document = SignedResponse();
        Assert.That(Assertion(document).HasAttribute("xmlns:saml"), Is.False, "precondition: saml is inherited");

        var decrypted = DecryptXmlsec1Output(document, "aes256-gcm", "aes-256", selfContained: false);

        Assert.That(XmlSignatureVerifier.Verify(decrypted, IdpKeys()).Element, Is.SameAs(decrypted));
    }

    /// <summary>
    /// Has xmlsec1 encrypt the assertion of <paramref name="document"/> for the test RP (as pysaml2 does:
    /// <c>--xml-data</c> with a template), then decrypts it with our decryptor.
    /// </summary>
    private static XmlElement DecryptXmlsec1Output(XmlDocument document, string algorithm, string sessionKey, bool selfContained)
    {
        // xmlsec1 replaces the node it encrypts; wrap the assertion first so the result is SAML's shape.
        var original = Assertion(document);
        var assertion = selfContained ? NamespaceClosure.SelfContainedCopy(original) : original;
        var wrapper = document.CreateElement("saml", "EncryptedAssertion", XmlNames.Saml);
        original.ParentNode!.ReplaceChild(wrapper, original);
        wrapper.AppendChild(assertion);

        using var temp = new XmlSec1.TempDir();
        var data = Path.Combine(temp.Path, "data.xml");
        File.WriteAllBytes(data, XmlEncryptor.Serialize(document.DocumentElement!));
        var template = temp.Write("template.xml", Template.Replace("{0}", algorithm, StringComparison.Ordinal));
        var output = Path.Combine(temp.Path, "encrypted.xml");

        var (exit, log) = XmlSec1.Run(
            "--encrypt", "--pubkey-cert-pem", SampleCerts.CertificatePath(RpKey), "--session-key", sessionKey,
            "--xml-data", data, "--node-xpath", "//*[local-name()='Assertion']", "--output", output, template);
        Assert.That(exit, Is.Zero, log);

        var received = SecureXml.Load(File.ReadAllBytes(output));
        Assert.That(Encoding.UTF8.GetString(File.ReadAllBytes(output)), Does.Not.Contain(NameId), "xmlsec1 did encrypt");
        var decrypted = XmlDecryptor.DecryptAssertion(EncryptedAssertion(received), Keys(HubKey, RpKey));
        Assert.That(decrypted.InnerText, Does.Contain(NameId));
        return decrypted;
    }
}
