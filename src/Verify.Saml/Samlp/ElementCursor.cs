using System.Xml;

using Verify.Saml.Errors;
using Verify.Saml.Xml;

namespace Verify.Saml.Samlp;

/// <summary>
/// Walks the child elements of an element whose content is elements only, in schema order. Whitespace,
/// comments and processing instructions between elements are skipped (canonicalization drops the latter two, so
/// they cannot change meaning here); any other text is mixed content and is refused.
/// </summary>
internal sealed class ElementCursor
{
    private readonly string parentLabel;

    public ElementCursor(XmlElement parent, string parentLabel)
    {
        this.parentLabel = parentLabel;
        Current = NextElement(parent.FirstChild);
    }

    /// <summary>The next child element not yet consumed.</summary>
    public XmlElement? Current { get; private set; }

    public bool At(string ns, string localName) =>
        Current is not null && Current.LocalName == localName && Current.NamespaceURI == ns;

    /// <summary>Consumes the current element if it has the given name.</summary>
    public XmlElement? Optional(string ns, string localName)
    {
        if (!At(ns, localName))
        {
            return null;
        }

        var element = Current!;
        Current = NextElement(element.NextSibling);
        return element;
    }

    /// <summary>Consumes the current element, which must have the given name.</summary>
    public XmlElement Required(string ns, string localName, string label)
    {
        var element = Optional(ns, localName);
        if (element is not null)
        {
            return element;
        }

        if (Current is null || !HasLaterSibling(Current, ns, localName))
        {
            if (Current is not null && IsSignature(Current))
            {
                throw new SamlException(SamlErrorCode.SignatureNotAtExpectedPosition, $"In {parentLabel}.");
            }

            throw new SamlException(SamlErrorCode.MessageMissingElement, $"{label} in {parentLabel}.");
        }

        throw Unexpected();
    }

    /// <summary>Consumes the run of elements with the given name, refusing more than <paramref name="max"/>.</summary>
    public List<XmlElement> ZeroOrMore(string ns, string localName, int max, string label)
    {
        var elements = new List<XmlElement>();
        while (Optional(ns, localName) is { } element)
        {
            if (elements.Count == max)
            {
                throw new SamlException(SamlErrorCode.MessageTooManyElements, $"{label} in {parentLabel}.");
            }

            elements.Add(element);
        }

        return elements;
    }

    /// <summary>Like <see cref="ZeroOrMore"/>, and at least one element must be there.</summary>
    public List<XmlElement> OneOrMore(string ns, string localName, int max, string label)
    {
        var elements = ZeroOrMore(ns, localName, max, label);
        if (elements.Count > 0)
        {
            return elements;
        }

        throw Current is null
            ? new SamlException(SamlErrorCode.MessageMissingElement, $"{label} in {parentLabel}.")
            : Unexpected();
    }

    /// <summary>Consumes the current element whatever its name.</summary>
    public XmlElement Take()
    {
        var element = Current ?? throw new InvalidOperationException("No element to take.");
        Current = NextElement(element.NextSibling);
        return element;
    }

    /// <summary>Requires that every child element has been consumed.</summary>
    public void End()
    {
        if (Current is not null)
        {
            throw Unexpected();
        }
    }

    /// <summary>
    /// The refusal for the current element. A <c>ds:Signature</c> outside the schema's position gets its own code,
    /// so that a wrapping attack is reported as what it is. The element's own name is not echoed: it is content.
    /// </summary>
    public SamlException Unexpected() => Current is not null && IsSignature(Current)
        ? new SamlException(SamlErrorCode.SignatureNotAtExpectedPosition, $"In {parentLabel}.")
        : new SamlException(SamlErrorCode.MessageUnexpectedElement, $"In {parentLabel}.");

    private static bool IsSignature(XmlElement element) =>
        element.LocalName == "Signature" && element.NamespaceURI == XmlNames.DSig;

    private static bool HasLaterSibling(XmlElement from, string ns, string localName)
    {
        for (var node = from.NextSibling; node is not null; node = node.NextSibling)
        {
            if (node is XmlElement element && element.LocalName == localName && element.NamespaceURI == ns)
            {
                return true;
            }
        }

        return false;
    }

    private XmlElement? NextElement(XmlNode? node)
    {
        for (; node is not null; node = node.NextSibling)
        {
            switch (node.NodeType)
            {
                case XmlNodeType.Element:
                    return (XmlElement)node;
                case XmlNodeType.Whitespace:
                case XmlNodeType.SignificantWhitespace:
                case XmlNodeType.Comment:
                case XmlNodeType.ProcessingInstruction:
                    break;
                case XmlNodeType.Text:
                case XmlNodeType.CDATA:
                    if (!SamlXmlValues.IsXmlWhitespace(node.Value))
                    {
                        throw new SamlException(SamlErrorCode.MessageMixedContent, $"Text in {parentLabel}.");
                    }

                    break;
                default:
                    throw new SamlException(SamlErrorCode.MessageMixedContent, $"In {parentLabel}.");
            }
        }

        return null;
    }
}
