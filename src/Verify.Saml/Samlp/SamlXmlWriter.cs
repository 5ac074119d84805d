using System.Xml;

using Verify.Saml.Saml;
using Verify.Saml.Xml;

using static Verify.Saml.Samlp.SamlXmlValues;

namespace Verify.Saml.Samlp;

/// <summary>
/// Writes the typed model as SAML 2.0 XML: one <see cref="XmlDocument"/> per message (whitespace preserved, no
/// indentation), prefixes <c>samlp</c>, <c>saml</c>, <c>ida</c>, <c>xsi</c>, <c>xs</c>, times as UTC
/// <c>yyyy-MM-ddTHH:mm:ss.fffZ</c> (so sub-millisecond precision is not kept). The model holds every timestamp
/// and ID; the writer has no clock and no randomness.
/// </summary>
/// <remarks>
/// Nothing is signed here. Each message and assertion is written without a signature and with its
/// <c>saml:Issuer</c> first, so the signer can insert <c>ds:Signature</c> right after the issuer, where the schema
/// puts it. <see cref="SamlMessage.Signature"/>, <see cref="Assertion.Signature"/> and the <c>Source</c> properties are
/// ignored. Every assertion, standalone or inside a response, declares the namespaces it uses on its own element,
/// because peers such as node-saml read a decrypted assertion on its own.
/// </remarks>
public static partial class SamlXmlWriter
{
    private const string SamlPrefix = "saml";
    private const string SamlpPrefix = "samlp";
    private const string IdaPrefix = "ida";
    private const string XsiPrefix = "xsi";
    private const string XsPrefix = "xs";

    private static XmlDocument NewDocument() => new() { PreserveWhitespace = true, XmlResolver = null };

    /// <summary>
    /// The root element of a protocol message with the attributes and leading children every message shares:
    /// ID, Version, IssueInstant, Destination, InResponseTo; then Issuer and Extensions.
    /// </summary>
    private static XmlElement CreateMessage(XmlDocument document, string localName, SamlMessage message)
    {
        RequireId(message.Id, nameof(message));
        var root = Samlp(document, localName);
        document.AppendChild(root);
        DeclareNamespace(root, SamlpPrefix, XmlNames.Samlp);
        DeclareNamespace(root, SamlPrefix, XmlNames.Saml);
        root.SetAttribute("ID", message.Id);
        root.SetAttribute("Version", "2.0");
        root.SetAttribute("IssueInstant", FormatTime(message.IssueInstant));
        SetOptional(root, "Destination", message.Destination);
        if (message is StatusResponse response)
        {
            SetOptional(root, "InResponseTo", response.InResponseTo);
        }

        if (message.Issuer is not null)
        {
            root.AppendChild(CreateIssuer(document, message.Issuer));
        }

        if (message.Extensions.Count > 0)
        {
            var extensions = root.AppendChild(Samlp(document, "Extensions"))!;
            foreach (var extension in message.Extensions)
            {
                extensions.AppendChild(document.ImportNode(extension, deep: true));
            }
        }

        return root;
    }

    private static XmlElement CreateIssuer(XmlDocument document, Issuer issuer)
    {
        var element = TextElement(document, Saml(document, "Issuer"), issuer.Value);
        SetOptional(element, "Format", issuer.Format);
        SetOptional(element, "NameQualifier", issuer.NameQualifier);
        SetOptional(element, "SPNameQualifier", issuer.SPNameQualifier);
        return element;
    }

    private static XmlElement CreateNameId(XmlDocument document, NameId nameId)
    {
        var element = TextElement(document, Saml(document, "NameID"), nameId.Value);
        SetOptional(element, "Format", nameId.Format);
        SetOptional(element, "NameQualifier", nameId.NameQualifier);
        SetOptional(element, "SPNameQualifier", nameId.SPNameQualifier);
        SetOptional(element, "SPProvidedID", nameId.SPProvidedId);
        return element;
    }

    private static XmlElement Saml(XmlDocument document, string localName) =>
        document.CreateElement(SamlPrefix, localName, XmlNames.Saml);

    private static XmlElement Samlp(XmlDocument document, string localName) =>
        document.CreateElement(SamlpPrefix, localName, XmlNames.Samlp);

    private static XmlElement Ida(XmlDocument document, string localName) =>
        document.CreateElement(IdaPrefix, localName, XmlNames.IdaAttributes);

    private static XmlElement TextElement(XmlDocument document, XmlElement element, string text)
    {
        element.AppendChild(document.CreateTextNode(text));
        return element;
    }

    private static void SetOptional(XmlElement element, string name, string? value)
    {
        if (value is not null)
        {
            element.SetAttribute(name, value);
        }
    }

    private static void SetPrefixed(XmlElement element, string prefix, string localName, string ns, string value)
    {
        var attribute = element.OwnerDocument.CreateAttribute(prefix, localName, ns);
        attribute.Value = value;
        element.SetAttributeNode(attribute);
    }

    private static void DeclareNamespace(XmlElement element, string prefix, string ns) =>
        SetPrefixed(element, "xmlns", prefix, XmlNames.Xmlns, ns);

    private static void RequireId(string id, string paramName)
    {
        if (!IsNcName(id))
        {
            throw new ArgumentException("An ID must be an xs:ID (an NCName, e.g. from SamlIds.NewId()).", paramName);
        }
    }
}
