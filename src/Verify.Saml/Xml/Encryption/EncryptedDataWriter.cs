using System.Security.Cryptography.X509Certificates;
using System.Xml;

namespace Verify.Saml.Xml.Encryption;

/// <summary>
/// Writes the one EncryptedData shape we send (XML Encryption 1.1 §3.4, §3.5.1): the data encryption
/// method, a ds:KeyInfo holding the EncryptedKey (RSA-OAEP-MGF1P with a SHA-1 DigestMethod, the
/// recipient's certificate, the wrapped key), and the CipherValue.
/// </summary>
/// <remarks>
/// Namespace declarations are written as attributes, not left to the serialiser, because the response
/// signature made next canonicalises this DOM directly.
/// </remarks>
internal static class EncryptedDataWriter
{
    public static XmlElement Write(XmlDocument document, string dataAlgorithm, byte[] cipherValue, byte[] wrappedKey, X509Certificate2? recipient)
    {
        // XML Encryption 1.1 §3.1: Type Element, so the recipient replaces EncryptedData by one element.
        var encryptedData = Xenc(document, "EncryptedData");
        encryptedData.SetAttribute("xmlns:xenc", XmlNames.XmlEnc);
        encryptedData.SetAttribute("Type", XmlEncryptionNames.ElementType);
        Append(encryptedData, Xenc(document, "EncryptionMethod")).SetAttribute("Algorithm", dataAlgorithm);

        var keyInfo = Append(encryptedData, Ds(document, "KeyInfo"));
        keyInfo.SetAttribute("xmlns:ds", XmlNames.DSig);
        var encryptedKey = Append(keyInfo, Xenc(document, "EncryptedKey"));
        var keyMethod = Append(encryptedKey, Xenc(document, "EncryptionMethod"));
        keyMethod.SetAttribute("Algorithm", XmlEncryptionNames.RsaOaepMgf1p);

        // XML Encryption 1.1 §5.5.2 (RSA-OAEP): OAEP's digest defaults to SHA-1; xmlsec1 1.2.37 (and so pysaml2)
        // wants it stated. SHA-1 here is OAEP's hash, not a signature digest, and is sound (RFC 8017 §7.1).
        Append(keyMethod, Ds(document, "DigestMethod")).SetAttribute("Algorithm", XmlNames.Sha1);
        if (recipient is not null)
        {
            // XML Encryption 1.1 §3.5.1: KeyInfo names the recipient's key, so a recipient holding
            // several (a rollover) can pick it. Identification only: the recipient trusts nothing in it.
            var x509Data = Append(Append(encryptedKey, Ds(document, "KeyInfo")), Ds(document, "X509Data"));
            Append(x509Data, Ds(document, "X509Certificate")).InnerText = Convert.ToBase64String(recipient.RawData);
        }

        AppendCipherData(encryptedKey, wrappedKey);
        AppendCipherData(encryptedData, cipherValue);
        return encryptedData;
    }

    private static void AppendCipherData(XmlElement parent, byte[] value)
    {
        var cipherData = Append(parent, Xenc(parent.OwnerDocument, "CipherData"));
        Append(cipherData, Xenc(parent.OwnerDocument, "CipherValue")).InnerText = Convert.ToBase64String(value);
    }

    private static XmlElement Xenc(XmlDocument document, string name) => document.CreateElement("xenc", name, XmlNames.XmlEnc);

    private static XmlElement Ds(XmlDocument document, string name) => document.CreateElement("ds", name, XmlNames.DSig);

    private static XmlElement Append(XmlElement parent, XmlElement child) => (XmlElement)parent.AppendChild(child)!;
}
