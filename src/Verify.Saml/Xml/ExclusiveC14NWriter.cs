using System.Text;
using System.Xml;

namespace Verify.Saml.Xml;

/// <summary>
/// Exclusive XML canonicalization without comments (xml-exc-c14n, W3C Recommendation 18 July 2002)
/// of one element, written straight off the DOM we already hold: no copy of the document, no re-parse.
/// </summary>
/// <remarks>
/// The rules, each from the Recommendation (and Canonical XML 1.0 section 2.3 that it builds on):
/// - comments are left out; processing instructions inside the element are kept as <c>&lt;?target data?&gt;</c>;
/// - CDATA sections become text; text escapes <c>&amp; &lt; &gt;</c> and CR; attribute values escape
///   <c>&amp; &lt; "</c>, tab, LF and CR (C14N 2.3, "Text Nodes" and "Attribute Nodes");
/// - a namespace declaration is rendered on an element only where the element or one of its attributes
///   visibly uses the prefix (Exc-C14N 3, "visibly utilized"), or where the prefix is in the
///   InclusiveNamespaces PrefixList and in scope (handled as Canonical XML does), and in both cases only
///   when the nearest output ancestor did not already render the same prefix with the same value; an
///   element in no namespace under a rendered default namespace gets <c>xmlns=""</c>;
/// - namespace declarations are sorted by prefix (the default first), then attributes by namespace URI
///   and local name (C14N 2.2, "Document Order"); <c>xml:*</c> attributes of ancestors are not inherited;
/// - the enveloped signature (XMLDSig 6.6.4) is left out when given.
/// Byte-identical output to the framework's <c>XmlDsigExcC14NTransform</c> is tested on every test
/// message (CanonicalWriterDifferentialTests) and xmlsec1 verifies what we sign (ADR 0002 addendum).
/// </remarks>
internal sealed partial class ExclusiveC14NWriter
{
    private readonly StringBuilder output;
    private readonly XmlNode? excluded;
    private readonly HashSet<string> inclusivePrefixes;
    private readonly XmlElement apex;

    // The namespace declarations rendered by output ancestors, innermost last: (prefix, namespace URI).
    private readonly List<KeyValuePair<string, string>> rendered = new(16);

    private ExclusiveC14NWriter(StringBuilder output, XmlElement apex, XmlNode? excluded, string? inclusivePrefixes)
    {
        this.output = output;
        this.apex = apex;
        this.excluded = excluded;
        this.inclusivePrefixes = ParsePrefixList(inclusivePrefixes);
    }

    /// <summary>Appends the canonical form of <paramref name="element"/> (without <paramref name="excluded"/>) to <paramref name="output"/>.</summary>
    public static void Write(StringBuilder output, XmlElement element, XmlNode? excluded, string? inclusivePrefixes) =>
        new ExclusiveC14NWriter(output, element, excluded, inclusivePrefixes).WriteElement(element);

    private static HashSet<string> ParsePrefixList(string? list)
    {
        var prefixes = new HashSet<string>(StringComparer.Ordinal);
        if (string.IsNullOrWhiteSpace(list))
        {
            return prefixes;
        }

        // Exc-C14N 4.1: a whitespace-separated list; "#default" stands for the default namespace.
        foreach (var token in list.Split([' ', '\t', '\r', '\n'], StringSplitOptions.RemoveEmptyEntries))
        {
            prefixes.Add(token == "#default" ? string.Empty : token);
        }

        return prefixes;
    }

    private void WriteElement(XmlElement element)
    {
        var mark = rendered.Count;
        var declarations = NamespacesToRender(element);
        output.Append('<').Append(element.Name);
        foreach (var (prefix, uri) in declarations)
        {
            if (prefix.Length == 0)
            {
                output.Append(" xmlns=\"");
            }
            else
            {
                output.Append(" xmlns:").Append(prefix).Append("=\"");
            }

            AppendAttributeValue(uri);
            output.Append('"');
            rendered.Add(new(prefix, uri));
        }

        WriteAttributes(element);
        output.Append('>');
        for (var child = element.FirstChild; child is not null; child = child.NextSibling)
        {
            if (!ReferenceEquals(child, excluded))
            {
                WriteNode(child);
            }
        }

        output.Append("</").Append(element.Name).Append('>');
        rendered.RemoveRange(mark, rendered.Count - mark);
    }

    private void WriteNode(XmlNode node)
    {
        switch (node)
        {
            case XmlElement child:
                WriteElement(child);
                break;
            case XmlCharacterData { NodeType: XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.Whitespace or XmlNodeType.SignificantWhitespace } text:
                AppendText(text.Data);
                break;
            case XmlProcessingInstruction pi:
                output.Append("<?").Append(pi.Target);
                if (pi.Data.Length > 0)
                {
                    output.Append(' ').Append(pi.Data);
                }

                output.Append("?>");
                break;
            case XmlEntityReference reference:
                // SecureXml refuses DTDs, so none are parsed; expanded as their replacement text if ever built.
                for (var child = reference.FirstChild; child is not null; child = child.NextSibling)
                {
                    WriteNode(child);
                }

                break;
            default:
                // Comments (the without-comments variant is the only one the profile accepts).
                break;
        }
    }
}
