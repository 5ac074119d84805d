using System.Xml;

using Verify.Saml.Errors;

namespace Verify.Saml.Xml.Encryption;

/// <summary>
/// The first look at an encrypted element, before any structure is read or key touched: nothing in it
/// may make us fetch anything, and it may not make us do unbounded work.
/// </summary>
internal static class EncryptedElementScan
{
    /// <summary>At most this many xenc:EncryptedKey elements per encrypted element (each costs RSA decryptions per key we hold).</summary>
    public const int MaxEncryptedKeys = 4;

    /// <summary>Refuses CipherReference, any RetrievalMethod except a same-document pointer to a sibling EncryptedKey, and excess EncryptedData/EncryptedKey.</summary>
    public static void Check(XmlElement wrapper)
    {
        var encryptedData = 0;
        var encryptedKeys = 0;
        foreach (var element in wrapper.SelectNodes("descendant::*")!.OfType<XmlElement>())
        {
            // XML Encryption 1.1 §3.3.1: CipherReference makes the recipient fetch the ciphertext (any
            // URI, with transforms): a request forgery, and a way to decrypt attacker-chosen data.
            if (Is(element, XmlNames.XmlEnc, "CipherReference"))
            {
                throw new SamlException(SamlErrorCode.EncryptionCipherReferenceNotAllowed);
            }

            if (Is(element, XmlNames.DSig, "RetrievalMethod") && !IsSiblingKeyPointer(element, wrapper))
            {
                throw new SamlException(SamlErrorCode.EncryptionRetrievalMethodNotAllowed);
            }

            // SAML Core 2.2.4: EncryptedElementType holds one EncryptedData (and EncryptedKeys).
            if (Is(element, XmlNames.XmlEnc, "EncryptedData") && ++encryptedData > 1)
            {
                throw new SamlException(SamlErrorCode.EncryptionTooManyElements, "Only one EncryptedData is allowed.");
            }

            if (Is(element, XmlNames.XmlEnc, "EncryptedKey") && ++encryptedKeys > MaxEncryptedKeys)
            {
                throw new SamlException(SamlErrorCode.EncryptionTooManyElements, $"At most {MaxEncryptedKeys} EncryptedKey elements are allowed.");
            }
        }
    }

    private static bool Is(XmlElement element, string ns, string localName) =>
        element.LocalName == localName && element.NamespaceURI == ns;

    /// <summary>
    /// SAML Core 2.2.4 allows EncryptedKey beside the EncryptedData, and SAML 2.0 Errata E43 (as OpenSAML's
    /// "peer" key placement writes it) points at it with <c>ds:RetrievalMethod URI="#id" Type="…#EncryptedKey"</c>.
    /// That one form is accepted and still not followed: the sibling keys are tried anyway, so the pointer
    /// is only checked to name one of them. Anything else (XMLDSig 4.5.3: another document, a network
    /// URI, transforms) would be a fetch.
    /// </summary>
    private static bool IsSiblingKeyPointer(XmlElement retrievalMethod, XmlElement wrapper)
    {
        var keyInfo = retrievalMethod.ParentNode as XmlElement;
        var encryptedData = keyInfo?.ParentNode as XmlElement;
        if (keyInfo is not { LocalName: "KeyInfo", NamespaceURI: XmlNames.DSig }
            || encryptedData is not { LocalName: "EncryptedData", NamespaceURI: XmlNames.XmlEnc }
            || !ReferenceEquals(encryptedData.ParentNode, wrapper)
            || retrievalMethod.ChildNodes.OfType<XmlNode>().Any(child => child is not (XmlWhitespace or XmlSignificantWhitespace))
            || retrievalMethod.GetAttribute("Type") is not ("" or XmlEncryptionNames.EncryptedKeyType))
        {
            return false;
        }

        var uri = retrievalMethod.GetAttribute("URI");
        if (uri.Length < 2 || uri[0] != '#')
        {
            return false;
        }

        var id = uri[1..];
        return wrapper.ChildNodes.OfType<XmlElement>().Any(sibling =>
            Is(sibling, XmlNames.XmlEnc, "EncryptedKey") && string.Equals(sibling.GetAttribute("Id"), id, StringComparison.Ordinal));
    }
}
