using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Xml;

using Verify.Saml.Errors;
using Verify.Saml.Samlp;
using Verify.Saml.Xml;

using static Verify.Saml.Samlp.SamlXmlValues;

namespace Verify.Saml.Metadata;

public sealed partial class MetadataReader
{
    /// <summary>
    /// SAML Metadata 2.4.1.1: <c>use</c>?, then <c>ds:KeyInfo</c> and <c>md:EncryptionMethod*</c>. We trust keys as
    /// certificates, so the KeyInfo must carry at least one <c>ds:X509Certificate</c>.
    /// </summary>
    private KeyDescriptor ReadKeyDescriptor(XmlElement element)
    {
        const string label = "md:KeyDescriptor";
        var use = Attribute(element, "use") switch
        {
            null => KeyUse.Unspecified,
            "signing" => KeyUse.Signing,
            "encryption" => KeyUse.Encryption,
            _ => throw Invalid("use", label),
        };
        var cursor = new ElementCursor(element, label);
        var (certificates, keyName) = ReadKeyInfo(cursor.Required(XmlNames.DSig, "KeyInfo", "ds:KeyInfo"));
        var methods = cursor.ZeroOrMore(XmlNames.Metadata, "EncryptionMethod", Options.MaxOtherRepeats, "md:EncryptionMethod")
            .ConvertAll(e => RequiredNonEmptyAttribute(e, "Algorithm", "md:EncryptionMethod"));
        cursor.End();
        return new KeyDescriptor { Use = use, Certificates = certificates, KeyName = keyName, EncryptionMethods = methods };
    }

    /// <summary>
    /// XMLDSig 4.4: KeyName, KeyValue and X509Data are accepted (only the certificates are used);
    /// RetrievalMethod and anything else are refused, since nothing about a key is ever fetched.
    /// </summary>
    private (List<X509Certificate2> Certificates, string? KeyName) ReadKeyInfo(XmlElement keyInfo)
    {
        const string label = "ds:KeyInfo";
        var cursor = new ElementCursor(keyInfo, label);
        var certificates = new List<X509Certificate2>();
        string? keyName = null;
        while (cursor.Current is { NamespaceURI: XmlNames.DSig } current)
        {
            switch (current.LocalName)
            {
                case "KeyName":
                    keyName ??= Text(cursor.Take(), "ds:KeyName");
                    break;
                case "KeyValue":
                    cursor.Take();
                    break;
                case "X509Data":
                    ReadX509Data(cursor.Take(), certificates);
                    break;
                default:
                    throw cursor.Unexpected();
            }
        }

        cursor.End();
        return certificates.Count > 0
            ? (certificates, keyName)
            : throw new SamlException(SamlErrorCode.MessageMissingElement, "ds:X509Certificate in md:KeyDescriptor.");
    }

    private void ReadX509Data(XmlElement x509Data, List<X509Certificate2> certificates)
    {
        const string label = "ds:X509Data";
        var cursor = new ElementCursor(x509Data, label);
        while (cursor.Current is { NamespaceURI: XmlNames.DSig } current)
        {
            switch (current.LocalName)
            {
                case "X509Certificate":
                    if (certificates.Count == Options.MaxCertificatesPerKey)
                    {
                        throw new SamlException(SamlErrorCode.MessageTooManyElements, "ds:X509Certificate in md:KeyDescriptor.");
                    }

                    certificates.Add(LoadCertificate(cursor.Take()));
                    break;
                case "X509IssuerSerial" or "X509SKI" or "X509SubjectName" or "X509CRL":
                    // Hints that identify or qualify a certificate; trust never depends on them.
                    cursor.Take();
                    break;
                default:
                    throw cursor.Unexpected();
            }
        }

        cursor.End();
    }

    private static X509Certificate2 LoadCertificate(XmlElement element)
    {
        const string label = "ds:X509Certificate";
        try
        {
            return X509CertificateLoader.LoadCertificate(Convert.FromBase64String(NonEmptyText(element, label)));
        }
        catch (Exception ex) when (ex is FormatException or CryptographicException)
        {
            throw new SamlException(SamlErrorCode.MessageInvalidValue, $"{label} is not a DER certificate in base64.", ex);
        }
    }
}
