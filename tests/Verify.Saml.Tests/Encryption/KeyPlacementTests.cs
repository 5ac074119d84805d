using System.Xml;

using Verify.Saml.Xml;
using Verify.Saml.Xml.Encryption;

using static Verify.Saml.Tests.Encryption.EncryptionSamples;

namespace Verify.Saml.Tests.Encryption;

/// <summary>
/// Where the EncryptedKey may be: inside the EncryptedData's KeyInfo (what we send), or beside the
/// EncryptedData in the SAML wrapper (SAML Core 2.2.4), referenced or not, and one of several.
/// </summary>
public sealed class KeyPlacementTests
{
    [Test]
    public void Decrypt_AcceptsAnUnreferencedSiblingEncryptedKey()
    {
        var document = EncryptedResponse(RpKey);
        var keyInfo = (XmlElement)EncryptedKey(document).ParentNode!;
        EncryptedAssertion(document).AppendChild(EncryptedKey(document));
        keyInfo.ParentNode!.RemoveChild(keyInfo);

        var assertion = XmlDecryptor.DecryptAssertion(EncryptedAssertion(document), Keys(RpKey));

        Assert.That(XmlSignatureVerifier.Verify(assertion, IdpKeys()).Element, Is.SameAs(assertion));
    }

    [Test]
    public void Decrypt_AcceptsASiblingEncryptedKeyNamedBySameDocumentRetrievalMethod_WithoutFollowingIt()
    {
        var document = MoveKeyBesideData(EncryptedResponse(RpKey), "_ek-1", "#_ek-1");

        var assertion = XmlDecryptor.DecryptAssertion(EncryptedAssertion(document), Keys(RpKey));

        Assert.That(assertion.InnerText, Does.Contain(NameId));
    }

    [Test]
    public void Decrypt_FindsOurKeyAmongEncryptedKeysForSeveralRecipients()
    {
        // The same content key wrapped for another party first, then for us (SAML Core 2.2.4: one
        // EncryptedKey per recipient). We learn the content key from our own EncryptedKey only.
        var document = EncryptedResponse(RpKey);
        var ours = EncryptedKey(document);
        var theirs = (XmlElement)ours.CloneNode(deep: true);
        var otherRecipient = Convert.ToBase64String(Verify.Testing.SampleCerts.RsaKey(HubKey).Encrypt(new byte[32], System.Security.Cryptography.RSAEncryptionPadding.OaepSHA1));
        theirs.SelectSingleNode("*[local-name()='CipherData']/*[local-name()='CipherValue']")!.InnerText = otherRecipient;
        ours.ParentNode!.InsertBefore(theirs, ours);

        var assertion = XmlDecryptor.DecryptAssertion(EncryptedAssertion(document), Keys(HubKey, RpKey));

        Assert.That(assertion.InnerText, Does.Contain(NameId));
    }

    /// <summary>Moves the inline EncryptedKey beside the EncryptedData with an Id, and points at it with a RetrievalMethod.</summary>
    internal static XmlDocument MoveKeyBesideData(XmlDocument document, string keyId, string retrievalUri, string type = XmlEncryptionNames.EncryptedKeyType)
    {
        var encryptedKey = EncryptedKey(document);
        var keyInfo = (XmlElement)encryptedKey.ParentNode!;
        encryptedKey.SetAttribute("Id", keyId);
        EncryptedAssertion(document).AppendChild(encryptedKey);
        var retrievalMethod = Ds(document, "RetrievalMethod");
        retrievalMethod.SetAttribute("URI", retrievalUri);
        retrievalMethod.SetAttribute("Type", type);
        keyInfo.AppendChild(retrievalMethod);
        return SecureXml.Load(document.OuterXml);
    }
}
