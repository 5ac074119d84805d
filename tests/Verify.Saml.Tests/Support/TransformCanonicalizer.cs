using System.Security.Cryptography.Xml;
using System.Text;
using System.Xml;

using Verify.Saml.Xml;

namespace Verify.Saml.Tests.Support;

/// <summary>
/// The reference for our canonical writer: the route the hub used until 2026-11-30 (the element written as
/// text with the ancestors' namespace declarations, canonicalised by the framework's
/// <see cref="XmlDsigExcC14NTransform"/>). Kept here so that every change to the writer is compared with it.
/// </summary>
internal static class TransformCanonicalizer
{
    private static readonly XmlWriterSettings WriterSettings = new()
    {
        Encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
        OmitXmlDeclaration = true,
        Indent = false,
        NewLineHandling = NewLineHandling.Entitize,
        ConformanceLevel = ConformanceLevel.Document,
    };

    /// <summary>The canonical octets of <paramref name="element"/> without <paramref name="excluded"/>.</summary>
    public static byte[] Canonicalize(XmlElement element, XmlElement? excluded, string? inclusivePrefixes)
    {
        var transform = new XmlDsigExcC14NTransform(includeComments: false, inclusivePrefixes);
        transform.LoadInput(Serialize(element, excluded));
        using var canonical = (Stream)transform.GetOutput(typeof(Stream));
        using var bytes = new MemoryStream();
        canonical.CopyTo(bytes);
        return bytes.ToArray();
    }

    private static MemoryStream Serialize(XmlElement element, XmlElement? excluded)
    {
        var stream = new MemoryStream();
        using (var writer = XmlWriter.Create(stream, WriterSettings))
        {
            writer.WriteStartElement(element.Prefix, element.LocalName, element.NamespaceURI);
            var declared = new HashSet<string>(StringComparer.Ordinal);
            foreach (XmlAttribute attribute in element.Attributes)
            {
                attribute.WriteTo(writer);
                if (attribute.NamespaceURI == XmlNames.Xmlns)
                {
                    declared.Add(attribute.Name);
                }
            }

            for (var ancestor = element.ParentNode as XmlElement; ancestor is not null; ancestor = ancestor.ParentNode as XmlElement)
            {
                foreach (XmlAttribute attribute in ancestor.Attributes)
                {
                    if (attribute.NamespaceURI == XmlNames.Xmlns && declared.Add(attribute.Name))
                    {
                        attribute.WriteTo(writer);
                    }
                }
            }

            foreach (XmlNode child in element.ChildNodes)
            {
                if (!ReferenceEquals(child, excluded))
                {
                    child.WriteTo(writer);
                }
            }

            writer.WriteFullEndElement();
        }

        stream.Position = 0;
        return stream;
    }
}
