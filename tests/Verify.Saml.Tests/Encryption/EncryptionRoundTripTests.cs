using System.Xml;

using Verify.Saml.Xml;
using Verify.Saml.Xml.Encryption;

using static Verify.Saml.Tests.Encryption.EncryptionSamples;

namespace Verify.Saml.Tests.Encryption;

/// <summary>Encrypting and decrypting assertions in the hub's order: sign the assertion, encrypt it, sign the Response.</summary>
public sealed class EncryptionRoundTripTests
{
    [TestCase(DataEncryptionAlgorithm.Aes256Gcm, XmlEncryptionNames.Aes256Gcm)]
    [TestCase(DataEncryptionAlgorithm.Aes128Gcm, XmlEncryptionNames.Aes128Gcm)]
    public void EncryptThenDecrypt_PutsTheSignedAssertionBackWhereItWas(DataEncryptionAlgorithm algorithm, string uri)
    {
        var document = EncryptedResponse(HubKey, algorithm);
        var encrypted = EncryptedAssertion(document);
        var previous = encrypted.PreviousSibling;
        Assert.Multiple(() =>
        {
            Assert.That(document.OuterXml, Does.Not.Contain(NameId), "the NameID must not be readable");
            Assert.That(EncryptedData(document).SelectSingleNode("*[local-name()='EncryptionMethod']/@Algorithm")!.Value, Is.EqualTo(uri));
        });

        var assertion = XmlDecryptor.DecryptAssertion(encrypted, Keys(HubKey));

        Assert.Multiple(() =>
        {
            Assert.That(assertion.OwnerDocument, Is.SameAs(document));
            Assert.That(assertion.PreviousSibling, Is.SameAs(previous));
            Assert.That(document.GetElementsByTagName("EncryptedAssertion", XmlNames.Saml), Is.Empty);
            Assert.That(assertion.GetAttribute("ID"), Is.EqualTo(AssertionId));
            Assert.That(XmlSignatureVerifier.Verify(assertion, IdpKeys()).Element, Is.SameAs(assertion));
        });
    }

    [Test]
    public void Decrypt_TriesEachCurrentKey_SoTheSecondKeyOfARolloverDecrypts()
    {
        var document = EncryptedResponse(RpKey);

        var assertion = XmlDecryptor.DecryptAssertion(EncryptedAssertion(document), Keys(HubKey, MatchingServiceKey, RpKey));

        Assert.That(assertion.InnerText, Does.Contain(NameId));
    }

    [Test]
    public void Decrypt_WithARecipientKeyThatHadNoCertificate_TriesEveryKey()
    {
        var document = SignedResponse();
        using (var recipient = EncryptionRecipient.FromPublicKey(Verify.Testing.SampleCerts.RsaKey(RpKey)))
        {
            XmlEncryptor.EncryptAssertion(Assertion(document), recipient);
        }

        Assert.That(document.GetElementsByTagName("X509Certificate", XmlNames.DSig), Is.Empty);
        var assertion = XmlDecryptor.DecryptAssertion(EncryptedAssertion(document), Keys(HubKey, RpKey));

        Assert.That(assertion.InnerText, Does.Contain(NameId));
    }

    [Test]
    public void HubOrder_SignAssertionEncryptSignResponse_BothSignaturesVerify()
    {
        var document = SignedResponse();
        using (var recipient = Recipient(RpKey))
        {
            XmlEncryptor.EncryptAssertion(Assertion(document), recipient);
        }

        using (var credential = SigningCredential.FromCertificate(Verify.Testing.SampleCerts.CertificateWithKey("stub-idp-signing")))
        {
            XmlSigner.Sign(document.DocumentElement!, credential);
        }

        var received = SecureXml.Load(document.OuterXml);
        XmlSignatureVerifier.Verify(received.DocumentElement!, IdpKeys());
        var assertion = XmlDecryptor.DecryptAssertion(EncryptedAssertion(received), Keys(RpKey));

        Assert.That(XmlSignatureVerifier.Verify(assertion, IdpKeys()).Element, Is.SameAs(assertion));
    }

    [Test]
    public void Encrypt_UsesAFreshKeyAndIvForEveryMessage()
    {
        var first = Convert.FromBase64String(DataCipherValue(EncryptedResponse()).InnerText);
        var second = Convert.FromBase64String(DataCipherValue(EncryptedResponse()).InnerText);

        Assert.Multiple(() =>
        {
            Assert.That(first[..12], Is.Not.EqualTo(second[..12]), "IV");
            Assert.That(first[12..], Is.Not.EqualTo(second[12..]), "ciphertext under a fresh key");
        });
    }

    [Test]
    public void Encrypt_WritesRsaOaepMgf1pWithSha1DigestAndTheRecipientCertificate()
    {
        var document = EncryptedResponse(RpKey);
        var encryptedKey = EncryptedKey(document);
        var method = (XmlElement)encryptedKey.SelectSingleNode("*[local-name()='EncryptionMethod']")!;

        Assert.Multiple(() =>
        {
            Assert.That(EncryptedData(document).GetAttribute("Type"), Is.EqualTo(XmlEncryptionNames.ElementType));
            Assert.That(encryptedKey.ParentNode!.LocalName, Is.EqualTo("KeyInfo"), "EncryptedKey inside EncryptedData's KeyInfo");
            Assert.That(method.GetAttribute("Algorithm"), Is.EqualTo(XmlEncryptionNames.RsaOaepMgf1p));
            Assert.That(method.SelectSingleNode("*[local-name()='DigestMethod']/@Algorithm")!.Value, Is.EqualTo(XmlNames.Sha1));
            Assert.That(
                encryptedKey.SelectSingleNode(".//*[local-name()='X509Certificate']")!.InnerText,
                Is.EqualTo(Convert.ToBase64String(Verify.Testing.SampleCerts.Certificate(RpKey).RawData)));
        });
    }

    [Test]
    public void Encrypt_DeclaresTheNamespacesTheAssertionInheritedOnTheAssertionItself()
    {
        var assertion = Assertion(SignedResponse());

        var plaintext = XmlEncryptor.Serialize(NamespaceClosure.SelfContainedCopy(assertion));
        var standalone = SecureXml.Load(plaintext).DocumentElement!;

        Assert.Multiple(() =>
        {
            Assert.That(standalone.GetAttribute("xmlns:saml"), Is.EqualTo(XmlNames.Saml));
            Assert.That(standalone.GetAttribute("xmlns:xs"), Is.EqualTo(XmlNames.Xs), "prefix used only inside xsi:type");
            Assert.That(standalone.GetAttribute("xmlns:xsi"), Is.EqualTo(XmlNames.Xsi));
            Assert.That(standalone.HasAttribute("xmlns:samlp"), Is.False, "unused ancestor namespaces stay out");
            Assert.That(XmlSignatureVerifier.Verify(standalone, IdpKeys()).Element, Is.SameAs(standalone), "verifies standalone");
        });
    }

    [Test]
    public void EncryptAndReplace_EncryptsANameIdAsEncryptedId_AndDecryptElementRestoresIt()
    {
        var document = SignedResponse();
        var nameId = (XmlElement)document.GetElementsByTagName("NameID", XmlNames.Saml)[0]!;
        using (var recipient = Recipient(RpKey))
        {
            XmlEncryptor.EncryptAndReplace(nameId, "EncryptedID", recipient, DataEncryptionAlgorithm.Aes128Gcm);
        }

        var received = SecureXml.Load(document.OuterXml);
        var encryptedId = (XmlElement)received.GetElementsByTagName("EncryptedID", XmlNames.Saml)[0]!;
        var decrypted = XmlDecryptor.DecryptElement(encryptedId, Keys(RpKey), XmlNames.Saml, "NameID");

        Assert.Multiple(() =>
        {
            Assert.That(decrypted.InnerText, Is.EqualTo(NameId));
            Assert.That(decrypted.ParentNode!.LocalName, Is.EqualTo("Subject"));
        });
    }
}
