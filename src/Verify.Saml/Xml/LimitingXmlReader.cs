using System.Xml;

using Verify.Saml.Errors;

namespace Verify.Saml.Xml;

/// <summary>
/// Passes an <see cref="XmlReader"/> through while enforcing depth and attribute-count limits as each
/// node is read, so an over-deep or over-wide document is refused before it is built.
/// </summary>
internal sealed class LimitingXmlReader(XmlReader inner, SecureXmlOptions options) : XmlReader
{
    public override bool Read()
    {
        if (!inner.Read())
        {
            return false;
        }

        switch (inner.NodeType)
        {
            case XmlNodeType.DocumentType:
                throw new SamlException(SamlErrorCode.XmlDoctypeForbidden);
            case XmlNodeType.EntityReference:
                throw new SamlException(SamlErrorCode.XmlDoctypeForbidden, "Entity references are not allowed.");
            case XmlNodeType.Element:
                // XmlReader depth is 0 at the root element.
                if (inner.Depth + 1 > options.MaxDepth)
                {
                    throw new SamlException(SamlErrorCode.XmlTooDeep);
                }

                if (inner.AttributeCount > options.MaxAttributesPerElement)
                {
                    throw new SamlException(SamlErrorCode.XmlTooManyAttributes);
                }

                break;
            default:
                break;
        }

        return true;
    }

    public override int AttributeCount => inner.AttributeCount;

    public override string BaseURI => inner.BaseURI;

    public override int Depth => inner.Depth;

    public override bool EOF => inner.EOF;

    public override bool IsEmptyElement => inner.IsEmptyElement;

    public override string LocalName => inner.LocalName;

    public override string Name => inner.Name;

    public override string NamespaceURI => inner.NamespaceURI;

    public override XmlNameTable NameTable => inner.NameTable;

    public override XmlNodeType NodeType => inner.NodeType;

    public override string Prefix => inner.Prefix;

    public override ReadState ReadState => inner.ReadState;

    public override string Value => inner.Value;

    public override bool HasValue => inner.HasValue;

    public override bool IsDefault => inner.IsDefault;

    public override char QuoteChar => inner.QuoteChar;

    public override XmlSpace XmlSpace => inner.XmlSpace;

    public override string XmlLang => inner.XmlLang;

    public override bool CanResolveEntity => false;

    public override string GetAttribute(int i) => inner.GetAttribute(i);

    public override string? GetAttribute(string name) => inner.GetAttribute(name);

    public override string? GetAttribute(string name, string? namespaceURI) => inner.GetAttribute(name, namespaceURI);

    public override string? LookupNamespace(string prefix) => inner.LookupNamespace(prefix);

    public override void MoveToAttribute(int i) => inner.MoveToAttribute(i);

    public override bool MoveToAttribute(string name) => inner.MoveToAttribute(name);

    public override bool MoveToAttribute(string name, string? ns) => inner.MoveToAttribute(name, ns);

    public override bool MoveToElement() => inner.MoveToElement();

    public override bool MoveToFirstAttribute() => inner.MoveToFirstAttribute();

    public override bool MoveToNextAttribute() => inner.MoveToNextAttribute();

    public override bool ReadAttributeValue() => inner.ReadAttributeValue();

    public override void ResolveEntity() => throw new SamlException(SamlErrorCode.XmlDoctypeForbidden, "Entity references are not allowed.");

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
        }

        base.Dispose(disposing);
    }
}
