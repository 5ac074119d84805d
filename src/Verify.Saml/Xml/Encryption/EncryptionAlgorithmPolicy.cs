using System.Security.Cryptography;
using System.Xml;

using Verify.Saml.Errors;

namespace Verify.Saml.Xml.Encryption;

/// <summary>
/// The allow-list of encryption algorithms we decrypt. Checked before any key is touched, so a refusal
/// here says nothing about our keys, and each refused family has its own catalogue code.
/// </summary>
internal static class EncryptionAlgorithmPolicy
{
    /// <summary>The data encryption algorithm of an EncryptedData's EncryptionMethod.</summary>
    public static DataEncryptionAlgorithm DataAlgorithm(XmlElement? encryptionMethod)
    {
        // XML Encryption 1.1 §3.2 makes EncryptionMethod optional ("implicit"); we never guess.
        var uri = AlgorithmOf(encryptionMethod);
        return uri switch
        {
            XmlEncryptionNames.Aes256Gcm => DataEncryptionAlgorithm.Aes256Gcm,
            XmlEncryptionNames.Aes128Gcm => DataEncryptionAlgorithm.Aes128Gcm,

            // Hub profile (ARCHITECTURE.md): AES-CBC is refused. Jager & Somorovsky (2011) decrypt CBC
            // ciphertexts in XML Encryption through error differences; GCM's tag stops that.
            XmlEncryptionNames.Aes128Cbc or XmlEncryptionNames.Aes192Cbc or XmlEncryptionNames.Aes256Cbc or XmlEncryptionNames.TripleDesCbc
                => throw new SamlException(SamlErrorCode.EncryptionCbcNotAllowed),
            _ => throw new SamlException(SamlErrorCode.EncryptionAlgorithmUnsupported, "Data encryption must be AES-128-GCM or AES-256-GCM."),
        };
    }

    /// <summary>The RSA-OAEP padding an EncryptedKey's EncryptionMethod asks for.</summary>
    public static RSAEncryptionPadding KeyTransport(XmlElement? encryptionMethod)
    {
        var uri = AlgorithmOf(encryptionMethod);
        if (uri == XmlEncryptionNames.Rsa15)
        {
            // Hub profile: RSA PKCS#1 v1.5 key transport is refused (Bleichenbacher's oracle, and XML
            // Encryption 1.1 §5.5.1 itself warns against it).
            throw new SamlException(SamlErrorCode.EncryptionRsa15NotAllowed);
        }

        if (uri != XmlEncryptionNames.RsaOaepMgf1p && uri != XmlEncryptionNames.RsaOaep)
        {
            throw new SamlException(SamlErrorCode.EncryptionAlgorithmUnsupported, "Key transport must be RSA-OAEP.");
        }

        // XML Encryption 1.1 §5.5.2: OAEPparams (the label) defaults to empty; a label we would have to
        // honour is not supported by the platform's OAEP, so refuse rather than ignore it.
        if (Child(encryptionMethod!, XmlNames.XmlEnc, "OAEPparams") is { } label && label.InnerText.Trim().Length > 0)
        {
            throw new SamlException(SamlErrorCode.EncryptionAlgorithmUnsupported, "OAEPparams is not supported.");
        }

        // §5.5.2: DigestMethod defaults to SHA-1; rsa-oaep-mgf1p fixes MGF1-SHA1, xmlenc11#rsa-oaep
        // names it in MGF (default MGF1-SHA1). The platform's OAEP uses one hash for both.
        var digest = Child(encryptionMethod!, XmlNames.DSig, "DigestMethod")?.GetAttribute("Algorithm") ?? XmlNames.Sha1;
        var mgf = uri == XmlEncryptionNames.RsaOaepMgf1p
            ? XmlEncryptionNames.Mgf1Sha1
            : Child(encryptionMethod!, XmlNames.XmlEnc11, "MGF")?.GetAttribute("Algorithm") ?? XmlEncryptionNames.Mgf1Sha1;
        return (digest, mgf) switch
        {
            (XmlNames.Sha1, XmlEncryptionNames.Mgf1Sha1) => RSAEncryptionPadding.OaepSHA1,
            (XmlNames.Sha256, XmlEncryptionNames.Mgf1Sha256) => RSAEncryptionPadding.OaepSHA256,
            (XmlNames.Sha384, XmlEncryptionNames.Mgf1Sha384) => RSAEncryptionPadding.OaepSHA384,
            (XmlNames.Sha512, XmlEncryptionNames.Mgf1Sha512) => RSAEncryptionPadding.OaepSHA512,
            _ => throw new SamlException(SamlErrorCode.EncryptionAlgorithmUnsupported, "The OAEP digest and mask generation function must use the same hash."),
        };
    }

    private static string AlgorithmOf(XmlElement? encryptionMethod)
    {
        var uri = encryptionMethod?.GetAttribute("Algorithm") ?? "";
        return uri.Length > 0
            ? uri
            : throw new SamlException(SamlErrorCode.EncryptionMalformed, "EncryptionMethod with an Algorithm is required.");
    }

    private static XmlElement? Child(XmlElement parent, string ns, string localName) =>
        parent.ChildNodes.OfType<XmlElement>().FirstOrDefault(e => e.LocalName == localName && e.NamespaceURI == ns);
}
