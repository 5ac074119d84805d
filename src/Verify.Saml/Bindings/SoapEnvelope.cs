using System.Text;
using System.Xml;

using Verify.Saml.Errors;
using Verify.Saml.Xml;

namespace Verify.Saml.Bindings;

/// <summary>
/// The SAML SOAP binding's envelope (SAML Bindings 3.2, SOAP 1.1): exactly one SAML element in the Body,
/// no header the receiver must understand. Used on the back channel between the hub and matching services.
/// </summary>
public static class SoapEnvelope
{
    /// <summary>SAML Bindings 3.2.3.1: the SOAPAction header value.</summary>
    public const string SoapAction = "http://www.oasis-open.org/committees/security";

    /// <summary>SOAP 1.1 over HTTP: the content type of requests and responses.</summary>
    public const string ContentType = "text/xml; charset=utf-8";

    private static readonly XmlWriterSettings WriterSettings = new()
    {
        Encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
        Indent = false,
        NewLineHandling = NewLineHandling.Entitize,
    };

    /// <summary>Wraps a SAML message in a SOAP 1.1 envelope, as UTF-8 bytes; the message is written as it stands.</summary>
    public static byte[] Wrap(XmlDocument samlMessage)
    {
        ArgumentNullException.ThrowIfNull(samlMessage);
        var root = samlMessage.DocumentElement ?? throw new SamlException(SamlErrorCode.XmlEmpty);
        return Write(root.WriteTo);
    }

    /// <summary>Reads the envelope from bytes and returns the one SAML element in its Body.</summary>
    /// <exception cref="SamlException">Refused; see <see cref="Unwrap(XmlDocument)"/>.</exception>
    public static XmlElement Unwrap(ReadOnlySpan<byte> envelope, int maxBytes = SamlMessageEncoding.DefaultMaxBytes)
    {
        if (envelope.Length > maxBytes)
        {
            throw new SamlException(SamlErrorCode.BindingMessageTooLarge);
        }

        return Unwrap(SecureXml.Load(envelope, SecureXmlOptions.Default with { MaxCharacters = maxBytes }));
    }

    /// <summary>Reads the envelope from a stream, reading at most <paramref name="maxBytes"/> + 1 bytes of it.</summary>
    /// <exception cref="SamlException">Refused; see <see cref="Unwrap(XmlDocument)"/>.</exception>
    public static XmlElement Unwrap(Stream envelope, int maxBytes = SamlMessageEncoding.DefaultMaxBytes) =>
        Unwrap(CappedRead.ReadAll(envelope, maxBytes), maxBytes);

    /// <summary>
    /// The one SAML element in the Body of a parsed envelope. It stays in the envelope's document, so that
    /// its signature is checked on the DOM as received. Refused: a root other than a SOAP 1.1 Envelope,
    /// anything but an optional Header and a Body, a header block with <c>mustUnderstand="1"</c>, a Body
    /// that is empty or holds more than one element, and a SOAP fault.
    /// </summary>
    public static XmlElement Unwrap(XmlDocument envelope)
    {
        ArgumentNullException.ThrowIfNull(envelope);
        var root = envelope.DocumentElement;
        if (root is not { LocalName: "Envelope", NamespaceURI: XmlNames.Soap11 })
        {
            throw new SamlException(SamlErrorCode.BindingSoapMalformed, "The root element is not a SOAP 1.1 Envelope.");
        }

        var children = Elements(root);
        var header = children.Count == 2 && IsSoap(children[0], "Header") ? children[0] : null;
        var body = children.Count == (header is null ? 1 : 2) && IsSoap(children[^1], "Body") ? children[^1]
            : throw new SamlException(SamlErrorCode.BindingSoapMalformed, "The Envelope must hold an optional Header and a Body.");

        // SOAP 1.1 4.2.3: a header block marked mustUnderstand="1" must be obeyed or the message refused;
        // SAML Bindings 3.2.2.2 defines no such header, so we understand none.
        if (header is not null && Elements(header).Any(h => h.GetAttribute("mustUnderstand", XmlNames.Soap11) is "1" or "true"))
        {
            throw new SamlException(SamlErrorCode.BindingSoapMustUnderstand);
        }

        // SAML Bindings 3.2.2.1: exactly one SAML element in the Body, or a SOAP fault.
        var content = Elements(body);
        if (content.Count != 1)
        {
            throw new SamlException(SamlErrorCode.BindingSoapMalformed, "The Body must hold exactly one element.");
        }

        if (IsSoap(content[0], "Fault"))
        {
            throw new SamlException(SamlErrorCode.BindingSoapFault, SoapFault.DescribeReceived(content[0]));
        }

        return content[0];
    }

    internal static byte[] Write(Action<XmlWriter> writeBody)
    {
        using var stream = new MemoryStream();
        using (var writer = XmlWriter.Create(stream, WriterSettings))
        {
            writer.WriteStartElement("soap11", "Envelope", XmlNames.Soap11);
            writer.WriteStartElement("soap11", "Body", XmlNames.Soap11);
            writeBody(writer);
            writer.WriteEndElement();
            writer.WriteEndElement();
        }

        return stream.ToArray();
    }

    private static bool IsSoap(XmlElement element, string localName) =>
        string.Equals(element.LocalName, localName, StringComparison.Ordinal) && string.Equals(element.NamespaceURI, XmlNames.Soap11, StringComparison.Ordinal);

    /// <summary>The child elements; text other than whitespace between them is refused.</summary>
    private static List<XmlElement> Elements(XmlElement parent)
    {
        var elements = new List<XmlElement>();
        foreach (XmlNode child in parent.ChildNodes)
        {
            if (child is XmlElement element)
            {
                elements.Add(element);
            }
            else if (child is XmlText or XmlCDataSection)
            {
                throw new SamlException(SamlErrorCode.BindingSoapMalformed, "Text is not allowed between SOAP elements.");
            }
        }

        return elements;
    }
}
