using System.Security.Cryptography.Xml;
using System.Text;
using System.Xml;

using Verify.Saml.Xml;

namespace Verify.Saml.Tests.Support;

/// <summary>
/// The reference for our canonical writer: the route the hub used until 2026-11-30 (the element written as
/// text with the ancestors' namespace declarations, canonicalised by the framework's
/// <see cref="XmlDsigExcC14NTransform"/>). Kept here so that every change to the writer is compared with it.
/// The one copy of that route: benchmarks/Verify.Benchmarks compiles this file too (linked in its csproj, so no
/// test assembly is referenced) and times <see cref="WriteAsText"/> and <see cref="Load"/> as steps of their own.
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
        using var canonical = (Stream)Load(WriteAsText(element, excluded), inclusivePrefixes).GetOutput(typeof(Stream));
        using var bytes = new MemoryStream();
        canonical.CopyTo(bytes);
        return bytes.ToArray();
    }

    /// <summary>The transform with <paramref name="text"/> loaded: its own parse, before the canonical write.</summary>
    public static XmlDsigExcC14NTransform Load(Stream text, string? inclusivePrefixes)
    {
        var transform = new XmlDsigExcC14NTransform(includeComments: false, inclusivePrefixes);
        transform.LoadInput(text);
        return transform;
    }

    /// <summary>
    /// <paramref name="element"/> less <paramref name="excluded"/> as UTF-8 text, with the namespace declarations of
    /// its ancestors copied onto it (the transform sees the element alone), rewound for reading.
    /// </summary>
    public static MemoryStream WriteAsText(XmlElement element, XmlElement? excluded)
    {
        // 8 KB holds a signed Response's text without regrowing, so the benchmark times the writing, not the buffer.
        var stream = new MemoryStream(capacity: 8 * 1024);
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
