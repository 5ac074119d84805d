using System.Xml;

using Verify.Saml.Errors;
using Verify.Saml.Tests.Support;
using Verify.Saml.Xml;
using Verify.Saml.Xml.Encryption;

using static Verify.Saml.Tests.Encryption.EncryptionSamples;

namespace Verify.Saml.Tests.Encryption;

/// <summary>
/// XML Encryption lets a message make its recipient fetch things: the ciphertext (CipherReference) and
/// the key (RetrievalMethod). Each is pointed at a loopback listener that must never see a connection,
/// and each is refused with its own code.
/// </summary>
public sealed class ExternalReferenceAttackTests
{
    [Test]
    public void LoopbackProbe_SeesARealConnection()
    {
        using var loopback = new AttackLoopback();

        loopback.SelfTest();
    }

    [TestCase("EncryptedData")]
    [TestCase("EncryptedKey")]
    public void CipherReferenceToLoopback_IsRefusedAndNeverFetched(string owner)
    {
        using var loopback = new AttackLoopback();
        var document = EncryptedResponse(HubKey);
        var cipherValue = owner == "EncryptedData" ? DataCipherValue(document) : KeyCipherValue(document);
        var reference = Xenc(document, "CipherReference");
        reference.SetAttribute("URI", loopback.Url("ciphertext"));
        cipherValue.ParentNode!.ReplaceChild(reference, cipherValue);

        AttackAssert.Refuses(SamlErrorCode.EncryptionCipherReferenceNotAllowed, () => Decrypt(document));
        loopback.AssertNeverContacted();
    }

    [Test]
    public void RetrievalMethodForTheContentKeyToLoopback_IsRefusedAndNeverFetched()
    {
        using var loopback = new AttackLoopback();
        var document = EncryptedResponse(HubKey);
        var encryptedKey = EncryptedKey(document);
        var retrievalMethod = Ds(document, "RetrievalMethod");
        retrievalMethod.SetAttribute("URI", loopback.Url("key"));
        retrievalMethod.SetAttribute("Type", XmlEncryptionNames.EncryptedKeyType);
        encryptedKey.ParentNode!.ReplaceChild(retrievalMethod, encryptedKey);

        AttackAssert.Refuses(SamlErrorCode.EncryptionRetrievalMethodNotAllowed, () => Decrypt(document));
        loopback.AssertNeverContacted();
    }

    [Test]
    public void RetrievalMethodForOurKeyInsideTheEncryptedKeyToLoopback_IsRefusedAndNeverFetched()
    {
        using var loopback = new AttackLoopback();
        var document = EncryptedResponse(HubKey);
        var keyInfo = (XmlElement)EncryptedKey(document).SelectSingleNode("*[local-name()='KeyInfo']")!;
        var retrievalMethod = Ds(document, "RetrievalMethod");
        retrievalMethod.SetAttribute("URI", loopback.Url("cert"));
        retrievalMethod.SetAttribute("Type", "http://www.w3.org/2000/09/xmldsig#rawX509Certificate");
        keyInfo.AppendChild(retrievalMethod);

        AttackAssert.Refuses(SamlErrorCode.EncryptionRetrievalMethodNotAllowed, () => Decrypt(document));
        loopback.AssertNeverContacted();
    }

    [Test]
    public void SameDocumentRetrievalMethodWithTransforms_IsRefused()
    {
        using var loopback = new AttackLoopback();
        var document = KeyPlacementTests.MoveKeyBesideData(EncryptedResponse(HubKey), "_ek-1", "#_ek-1");
        var retrievalMethod = (XmlElement)document.GetElementsByTagName("RetrievalMethod", XmlNames.DSig)[0]!;
        var transform = Ds(document, "Transform");
        transform.SetAttribute("Algorithm", "http://www.w3.org/TR/1999/REC-xslt-19991116");
        retrievalMethod.AppendChild(Ds(document, "Transforms"))!.AppendChild(transform);

        AttackAssert.Refuses(SamlErrorCode.EncryptionRetrievalMethodNotAllowed, () => Decrypt(document));
        loopback.AssertNeverContacted();
    }

    private static XmlElement Decrypt(XmlDocument document)
    {
        var received = SecureXml.Load(document.OuterXml);
        return XmlDecryptor.DecryptAssertion(EncryptedAssertion(received), Keys(HubKey));
    }
}
