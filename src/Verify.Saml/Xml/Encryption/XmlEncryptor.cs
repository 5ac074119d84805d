using System.Security.Cryptography;
using System.Text;
using System.Xml;

using Verify.Saml.Errors;

namespace Verify.Saml.Xml.Encryption;

/// <summary>
/// Encrypts SAML elements for one recipient with XML Encryption 1.1: AES-GCM for the data under a fresh
/// random key and IV per message, the key wrapped with RSA-OAEP (<c>rsa-oaep-mgf1p</c>) for the recipient.
/// </summary>
/// <remarks>
/// The hub signs an assertion, then encrypts it, then signs the Response (SAML Core 6.2). The element is
/// serialised exactly as it is in the DOM (no re-indenting), with its inherited namespaces declared on
/// it, so its signature verifies again after decryption by any peer.
/// </remarks>
public static class XmlEncryptor
{
    private static readonly string[] SamlWrappers = ["EncryptedAssertion", "EncryptedID", "EncryptedAttribute"];

    /// <summary>
    /// Replaces a saml:Assertion in its document by
    /// <c>&lt;saml:EncryptedAssertion&gt;&lt;xenc:EncryptedData Type="…#Element"&gt;…</c> (SAML Core 2.3.4).
    /// </summary>
    /// <returns>The saml:EncryptedAssertion now in the document where the assertion was.</returns>
    public static XmlElement EncryptAssertion(XmlElement assertion, EncryptionRecipient recipient, DataEncryptionAlgorithm algorithm = DataEncryptionAlgorithm.Aes256Gcm)
    {
        ArgumentNullException.ThrowIfNull(assertion);
        if (assertion is not { LocalName: "Assertion", NamespaceURI: XmlNames.Saml })
        {
            throw new ArgumentException("The element is not a saml:Assertion.", nameof(assertion));
        }

        return EncryptAndReplace(assertion, "EncryptedAssertion", recipient, algorithm);
    }

    /// <summary>
    /// Replaces <paramref name="element"/> by a SAML encrypted-element wrapper (SAML Core 2.2.4
    /// EncryptedElementType: <c>EncryptedAssertion</c>, <c>EncryptedID</c> or <c>EncryptedAttribute</c>)
    /// holding its EncryptedData.
    /// </summary>
    /// <returns>The wrapper, now in the document where the element was.</returns>
    public static XmlElement EncryptAndReplace(XmlElement element, string wrapperLocalName, EncryptionRecipient recipient, DataEncryptionAlgorithm algorithm = DataEncryptionAlgorithm.Aes256Gcm)
    {
        ArgumentNullException.ThrowIfNull(element);
        if (!SamlWrappers.Contains(wrapperLocalName, StringComparer.Ordinal))
        {
            throw new ArgumentException($"Not a SAML encrypted element: {wrapperLocalName}.", nameof(wrapperLocalName));
        }

        var encryptedData = EncryptElement(element, recipient, algorithm);
        var prefix = element.NamespaceURI == XmlNames.Saml && element.Prefix.Length > 0 ? element.Prefix : "saml";
        var wrapper = element.OwnerDocument.CreateElement(prefix, wrapperLocalName, XmlNames.Saml);
        wrapper.SetAttribute("xmlns:" + prefix, XmlNames.Saml);
        wrapper.AppendChild(encryptedData);
        element.ParentNode?.ReplaceChild(wrapper, element);
        return wrapper;
    }

    /// <summary>
    /// The xenc:EncryptedData (Type Element) of <paramref name="element"/>, created in its document but
    /// not inserted; <paramref name="element"/> is left unchanged.
    /// </summary>
    public static XmlElement EncryptElement(XmlElement element, EncryptionRecipient recipient, DataEncryptionAlgorithm algorithm = DataEncryptionAlgorithm.Aes256Gcm)
    {
        ArgumentNullException.ThrowIfNull(element);
        ArgumentNullException.ThrowIfNull(recipient);
        return Encrypt(element.OwnerDocument, Serialize(NamespaceClosure.SelfContainedCopy(element)), recipient, algorithm);
    }

    /// <summary>Encrypts arbitrary plaintext octets into an EncryptedData (tests use it to build hostile payloads).</summary>
    internal static XmlElement Encrypt(XmlDocument document, ReadOnlySpan<byte> plaintext, EncryptionRecipient recipient, DataEncryptionAlgorithm algorithm)
    {
        var key = AesGcmCipher.NewKey(algorithm);
        try
        {
            var cipherValue = AesGcmCipher.Encrypt(key, plaintext);

            // XML Encryption 1.1 §5.5.2: RSA-OAEP with MGF1-SHA1 and SHA-1 digest (rsa-oaep-mgf1p).
            var wrappedKey = recipient.PublicKey.Encrypt(key, RSAEncryptionPadding.OaepSHA1);
            return EncryptedDataWriter.Write(document, AesGcmCipher.Uri(algorithm), cipherValue, wrappedKey, recipient.Certificate);
        }
        catch (CryptographicException ex)
        {
            throw new SamlException(SamlErrorCode.EncryptionAlgorithmUnsupported, "The recipient key cannot be used for RSA-OAEP.", ex);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(key);
        }
    }

    /// <summary>
    /// The element's XML as UTF-8 (XML Encryption 1.1 encryption rules: an Element is serialised to UTF-8 octets).
    /// Line breaks and tabs inside attribute values, and carriage returns anywhere, are written as
    /// character references, so a recipient's parser rebuilds exactly the values that were signed.
    /// </summary>
    internal static byte[] Serialize(XmlElement element)
    {
        var settings = new XmlWriterSettings
        {
            Encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
            OmitXmlDeclaration = true,
            Indent = false,
            NewLineHandling = NewLineHandling.Entitize,
            ConformanceLevel = ConformanceLevel.Fragment,
        };
        using var stream = new MemoryStream();
        using (var writer = XmlWriter.Create(stream, settings))
        {
            element.WriteTo(writer);
        }

        return stream.ToArray();
    }
}
