using System.Xml;

using Verify.Saml.Errors;
using Verify.Saml.Tests.Support;
using Verify.Saml.Xml;
using Verify.Saml.Xml.Encryption;

using static Verify.Saml.Tests.Encryption.EncryptionSamples;

namespace Verify.Saml.Tests.Encryption;

/// <summary>
/// "Break one thing" attacks on an encrypted assertion: start from a valid message for the hub, apply one
/// mutation, expect one specific refusal (and the EncryptedAssertion left as it was).
/// </summary>
public sealed class EncryptionAttackTests
{
    public sealed record Mutation(string Name, Action<XmlDocument> Apply, SamlErrorCode Expected)
    {
        public override string ToString() => Name;
    }

    private static readonly Mutation[] Mutations =
    [
        new("DataAes128Cbc", d => SetDataAlgorithm(d, XmlEncryptionNames.Aes128Cbc), SamlErrorCode.EncryptionCbcNotAllowed),
        new("DataAes256Cbc", d => SetDataAlgorithm(d, XmlEncryptionNames.Aes256Cbc), SamlErrorCode.EncryptionCbcNotAllowed),
        new("DataTripleDesCbc", d => SetDataAlgorithm(d, XmlEncryptionNames.TripleDesCbc), SamlErrorCode.EncryptionCbcNotAllowed),
        new("DataAes192Gcm", d => SetDataAlgorithm(d, XmlEncryptionNames.Aes192Gcm), SamlErrorCode.EncryptionAlgorithmUnsupported),
        new("DataUnknownAlgorithm", d => SetDataAlgorithm(d, "urn:example:rot13"), SamlErrorCode.EncryptionAlgorithmUnsupported),
        new("DataNoEncryptionMethod", d => Remove(EncryptedData(d).SelectSingleNode("*[local-name()='EncryptionMethod']")), SamlErrorCode.EncryptionMalformed),
        new("KeyTransportRsa15", d => SetKeyAlgorithm(d, XmlEncryptionNames.Rsa15), SamlErrorCode.EncryptionRsa15NotAllowed),
        new("KeyTransportAesKeyWrap", d => SetKeyAlgorithm(d, "http://www.w3.org/2001/04/xmlenc#kw-aes256"), SamlErrorCode.EncryptionAlgorithmUnsupported),
        new("KeyTransportOaepSha256DigestWithMgf1Sha1", d => KeyDigest(d).SetAttribute("Algorithm", XmlNames.Sha256), SamlErrorCode.EncryptionAlgorithmUnsupported),
        new("KeyTransportOaepLabel", d => KeyMethod(d).AppendChild(Xenc(d, "OAEPparams"))!.InnerText = "bGFiZWw=", SamlErrorCode.EncryptionAlgorithmUnsupported),
        new("TypeContent", d => EncryptedData(d).SetAttribute("Type", XmlEncryptionNames.ContentType), SamlErrorCode.EncryptionMalformed),
        new("CipherValueNotBase64", d => DataCipherValue(d).InnerText = "not base64!", SamlErrorCode.EncryptionMalformed),
        new("TwoEncryptedData", d => EncryptedAssertion(d).AppendChild(EncryptedData(d).CloneNode(deep: true)), SamlErrorCode.EncryptionTooManyElements),
        new("FiveEncryptedKeys", d => AddKeyCopies(d, 4), SamlErrorCode.EncryptionTooManyElements),
        new("NoEncryptedKey", d => Remove(EncryptedKey(d)), SamlErrorCode.EncryptionKeyMissing),
        new("ForeignElementInWrapper", d => EncryptedAssertion(d).AppendChild(d.CreateElement("saml", "Assertion", XmlNames.Saml)), SamlErrorCode.EncryptionMalformed),
        new("RetrievalMethodToMissingSibling", d => KeyPlacementTests.MoveKeyBesideData(d, "_ek-1", "#_ek-2"), SamlErrorCode.EncryptionRetrievalMethodNotAllowed),
        new("RetrievalMethodOfAnotherType", d => KeyPlacementTests.MoveKeyBesideData(d, "_ek-1", "#_ek-1", "http://www.w3.org/2000/09/xmldsig#X509Data"), SamlErrorCode.EncryptionRetrievalMethodNotAllowed),
        new("DataCiphertextBitFlipped", d => FlipBit(DataCipherValue(d), 20), SamlErrorCode.EncryptionCouldNotDecrypt),
        new("DataIvBitFlipped", d => FlipBit(DataCipherValue(d), 0), SamlErrorCode.EncryptionCouldNotDecrypt),
        new("DataTagBitFlipped", d => FlipBit(DataCipherValue(d), -1), SamlErrorCode.EncryptionCouldNotDecrypt),
        new("DataTruncated", d => DataCipherValue(d).InnerText = Convert.ToBase64String(new byte[20]), SamlErrorCode.EncryptionCouldNotDecrypt),
        new("WrappedKeyBitFlipped", d => FlipBit(KeyCipherValue(d), 7), SamlErrorCode.EncryptionCouldNotDecrypt),
        new("WrappedKeyFromAnotherMessage", d => KeyCipherValue(d).InnerText = KeyCipherValue(EncryptedResponse()).InnerText, SamlErrorCode.EncryptionCouldNotDecrypt),
    ];

    [TestCaseSource(nameof(Mutations))]
    public void Decrypt_RefusesTheMutatedMessage_WithItsOwnCode(Mutation mutation)
    {
        var document = EncryptedResponse(HubKey);
        mutation.Apply(document);
        var received = SecureXml.Load(document.OuterXml);

        AttackAssert.Refuses(mutation.Expected, () => XmlDecryptor.DecryptAssertion(EncryptedAssertion(received), Keys(HubKey)));
        Assert.That(received.GetElementsByTagName("EncryptedAssertion", XmlNames.Saml), Has.Count.EqualTo(1), "the message is left as it was");
    }

    [Test]
    public void Decrypt_WithOnlyTheWrongKey_IsRefusedLikeATamperedTag()
    {
        var wrongKey = Assert.Throws<SamlException>(() =>
            XmlDecryptor.DecryptAssertion(EncryptedAssertion(EncryptedResponse(RpKey)), Keys(HubKey, MatchingServiceKey)))!;
        var tampered = EncryptedResponse(HubKey);
        FlipBit(DataCipherValue(tampered), -1);
        var badTag = Assert.Throws<SamlException>(() => XmlDecryptor.DecryptAssertion(EncryptedAssertion(tampered), Keys(HubKey)))!;

        // Padding-oracle hygiene: the caller cannot tell "not our key" from "ciphertext changed".
        Assert.Multiple(() =>
        {
            Assert.That(wrongKey.Code, Is.EqualTo(SamlErrorCode.EncryptionCouldNotDecrypt));
            Assert.That(badTag.Message, Is.EqualTo(wrongKey.Message));
        });
    }

    [Test]
    public void Decrypt_OfAnEncryptedButUnsignedAssertion_LeavesTheSignatureLayerToRefuseIt()
    {
        var document = EncryptedResponse(HubKey, signed: false);

        var assertion = XmlDecryptor.DecryptAssertion(EncryptedAssertion(document), Keys(HubKey));

        // Anyone can encrypt for our public key: decryption proves nothing about the author.
        AttackAssert.Refuses(SamlErrorCode.SignatureMissing, () => XmlSignatureVerifier.Verify(assertion, IdpKeys()));
    }

    [Test]
    public void WeakKeys_AreRefusedForEncryptionAndDecryption()
    {
        AttackAssert.Refuses(SamlErrorCode.EncryptionKeyTooWeak, () => Recipient("weak-rsa1024-signing"));
        AttackAssert.Refuses(SamlErrorCode.EncryptionKeyTooWeak, () => Keys("weak-rsa1024-signing"));
    }

    private static void SetDataAlgorithm(XmlDocument document, string uri) =>
        ((XmlElement)EncryptedData(document).SelectSingleNode("*[local-name()='EncryptionMethod']")!).SetAttribute("Algorithm", uri);

    private static void SetKeyAlgorithm(XmlDocument document, string uri) => KeyMethod(document).SetAttribute("Algorithm", uri);

    private static XmlElement KeyMethod(XmlDocument document) => (XmlElement)EncryptedKey(document).SelectSingleNode("*[local-name()='EncryptionMethod']")!;

    private static XmlElement KeyDigest(XmlDocument document) => (XmlElement)KeyMethod(document).SelectSingleNode("*[local-name()='DigestMethod']")!;

    private static void Remove(XmlNode? node) => node!.ParentNode!.RemoveChild(node);

    private static void AddKeyCopies(XmlDocument document, int copies)
    {
        for (var i = 0; i < copies; i++)
        {
            EncryptedAssertion(document).AppendChild(EncryptedKey(document).CloneNode(deep: true));
        }
    }
}
