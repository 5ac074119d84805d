using System.Xml;

namespace Verify.Saml.Xml;

/// <summary>The namespace axis, the attribute axis and escaping of <see cref="ExclusiveC14NWriter"/>.</summary>
internal sealed partial class ExclusiveC14NWriter
{
    // Scratch lists, filled and written before any child is visited (so recursion never sees them in use).
    private readonly List<KeyValuePair<string, string>> declarations = new(4);
    private readonly List<XmlAttribute> attributes = new(8);

    /// <summary>Exc-C14N 3: the declarations this element must render, sorted by prefix (default first).</summary>
    private List<KeyValuePair<string, string>> NamespacesToRender(XmlElement element)
    {
        declarations.Clear();
        Consider(element.Prefix, element.NamespaceURI);
        foreach (XmlAttribute attribute in element.Attributes)
        {
            // Unprefixed attributes are in no namespace and never use the default one (Namespaces 6.2).
            if (attribute.Prefix.Length > 0 && attribute.NamespaceURI != XmlNames.Xmlns)
            {
                Consider(attribute.Prefix, attribute.NamespaceURI);
            }
        }

        // Exc-C14N 3, InclusiveNamespaces: those prefixes follow Canonical XML, rendered wherever in scope. Below the
        // apex a listed prefix can only change its binding where an element declares it (or uses it, handled above),
        // so only the apex looks the list up: the cost stays linear in the document, whatever a hostile list holds.
        if (inclusivePrefixes.Count > 0)
        {
            if (ReferenceEquals(element, apex))
            {
                var inScope = InScopeBindings(element);
                foreach (var prefix in inclusivePrefixes)
                {
                    var uri = inScope.GetValueOrDefault(prefix, string.Empty);
                    if (prefix.Length == 0 || uri.Length > 0)
                    {
                        Consider(prefix, uri);
                    }
                }
            }
            else
            {
                foreach (XmlAttribute attribute in element.Attributes)
                {
                    if (attribute.NamespaceURI == XmlNames.Xmlns)
                    {
                        var prefix = attribute.Prefix.Length == 0 ? string.Empty : attribute.LocalName;
                        if (inclusivePrefixes.Contains(prefix) && (prefix.Length == 0 || attribute.Value.Length > 0))
                        {
                            Consider(prefix, attribute.Value);
                        }
                    }
                }
            }
        }

        declarations.Sort(static (a, b) => string.CompareOrdinal(a.Key, b.Key));
        return declarations;
    }

    /// <summary>
    /// The namespace bindings in scope at <paramref name="element"/>, nearest first, as
    /// <see cref="XmlNode.GetNamespaceOfPrefix"/> resolves them (declarations, then prefixes in use, which a DOM
    /// built in memory may carry without a declaration attribute), in one walk up the ancestors.
    /// </summary>
    private static Dictionary<string, string> InScopeBindings(XmlElement element)
    {
        var bindings = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var current = element; current is not null; current = current.ParentNode as XmlElement)
        {
            foreach (XmlAttribute attribute in current.Attributes)
            {
                if (attribute.NamespaceURI == XmlNames.Xmlns)
                {
                    bindings.TryAdd(attribute.Prefix.Length == 0 ? string.Empty : attribute.LocalName, attribute.Value);
                }
                else if (attribute.Prefix.Length > 0)
                {
                    bindings.TryAdd(attribute.Prefix, attribute.NamespaceURI);
                }
            }

            bindings.TryAdd(current.Prefix, current.NamespaceURI);
        }

        return bindings;
    }

    private void Consider(string prefix, string uri)
    {
        if (prefix == "xml")
        {
            return;
        }

        foreach (var declaration in declarations)
        {
            if (declaration.Key == prefix)
            {
                return;
            }
        }

        if (!string.Equals(RenderedUri(prefix), uri, StringComparison.Ordinal))
        {
            declarations.Add(new(prefix, uri));
        }
    }

    /// <summary>What the nearest output ancestor rendered for <paramref name="prefix"/>; the default namespace starts empty.</summary>
    private string? RenderedUri(string prefix)
    {
        for (var i = rendered.Count - 1; i >= 0; i--)
        {
            if (rendered[i].Key == prefix)
            {
                return rendered[i].Value;
            }
        }

        return prefix.Length == 0 ? string.Empty : null;
    }

    /// <summary>C14N 2.2: attributes (not namespace declarations) by namespace URI, then local name.</summary>
    private void WriteAttributes(XmlElement element)
    {
        attributes.Clear();
        foreach (XmlAttribute attribute in element.Attributes)
        {
            if (attribute.NamespaceURI != XmlNames.Xmlns)
            {
                attributes.Add(attribute);
            }
        }

        if (attributes.Count > 1)
        {
            attributes.Sort(static (a, b) =>
            {
                var byNamespace = string.CompareOrdinal(a.NamespaceURI, b.NamespaceURI);
                return byNamespace != 0 ? byNamespace : string.CompareOrdinal(a.LocalName, b.LocalName);
            });
        }

        foreach (var attribute in attributes)
        {
            output.Append(' ').Append(attribute.Name).Append("=\"");
            AppendAttributeValue(attribute.Value);
            output.Append('"');
        }
    }

    /// <summary>C14N 2.3, text nodes: &amp;, &lt;, &gt; and CR are escaped.</summary>
    private void AppendText(string text)
    {
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var escape = text[i] switch { '&' => "&amp;", '<' => "&lt;", '>' => "&gt;", '\r' => "&#xD;", _ => null };
            if (escape is not null)
            {
                output.Append(text, start, i - start).Append(escape);
                start = i + 1;
            }
        }

        output.Append(text, start, text.Length - start);
    }

    /// <summary>C14N 2.3, attribute nodes: &amp;, &lt;, ", tab, LF and CR are escaped.</summary>
    private void AppendAttributeValue(string value)
    {
        var start = 0;
        for (var i = 0; i < value.Length; i++)
        {
            var escape = value[i] switch { '&' => "&amp;", '<' => "&lt;", '"' => "&quot;", '\t' => "&#x9;", '\n' => "&#xA;", '\r' => "&#xD;", _ => null };
            if (escape is not null)
            {
                output.Append(value, start, i - start).Append(escape);
                start = i + 1;
            }
        }

        output.Append(value, start, value.Length - start);
    }
}
