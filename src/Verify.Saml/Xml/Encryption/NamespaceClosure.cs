using System.Xml;

namespace Verify.Saml.Xml.Encryption;

/// <summary>
/// Makes an element self-contained before it is encrypted: every namespace prefix it uses (in element
/// and attribute names, in <c>xsi:type</c> values, in a signature's <c>InclusiveNamespaces</c> list)
/// that it inherits from an ancestor is declared on the element itself.
/// </summary>
/// <remarks>
/// The plaintext of an encrypted element is parsed by the recipient on its own (node-saml and samlify
/// fail on an undeclared <c>saml:</c> prefix after decryption). Declaring a namespace that is already
/// in scope with the same URI changes no canonical form (Exclusive XML Canonicalization §3 renders the
/// same in-scope bindings), so an enveloped signature on the element stays valid.
/// </remarks>
internal static class NamespaceClosure
{
    private const string InclusiveNamespacesNs = "http://www.w3.org/2001/10/xml-exc-c14n#";

    /// <summary>A deep copy of <paramref name="element"/> carrying the declarations it inherited; the original is not changed.</summary>
    public static XmlElement SelfContainedCopy(XmlElement element)
    {
        var needed = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var node in element.SelectNodes("descendant-or-self::*")!.OfType<XmlElement>())
        {
            Use(needed, element, node, node.Prefix, node.NamespaceURI);
            foreach (XmlAttribute attribute in node.Attributes)
            {
                if (attribute.NamespaceURI == XmlNames.Xmlns || attribute.Prefix is "" or "xml")
                {
                    continue;
                }

                Use(needed, element, node, attribute.Prefix, attribute.NamespaceURI);

                // XML Schema 1 §3.2.7.2: xsi:type holds a QName whose prefix is resolved in the element's scope.
                if (attribute is { LocalName: "type", NamespaceURI: XmlNames.Xsi } && attribute.Value.IndexOf(':', StringComparison.Ordinal) is > 0 and var colon)
                {
                    UseInScope(needed, element, node, attribute.Value[..colon]);
                }
            }

            // Exclusive C14N §3: prefixes in InclusiveNamespaces are rendered from the in-scope bindings.
            if (node is { LocalName: "InclusiveNamespaces", NamespaceURI: InclusiveNamespacesNs })
            {
                foreach (var prefix in node.GetAttribute("PrefixList").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
                {
                    UseInScope(needed, element, node, prefix == "#default" ? "" : prefix);
                }
            }
        }

        var copy = (XmlElement)element.CloneNode(deep: true);
        XmlAttribute? last = null;
        foreach (var (prefix, ns) in needed.OrderBy(pair => pair.Key, StringComparer.Ordinal))
        {
            var declaration = prefix.Length == 0
                ? copy.OwnerDocument.CreateAttribute("xmlns", XmlNames.Xmlns)
                : copy.OwnerDocument.CreateAttribute("xmlns", prefix, XmlNames.Xmlns);
            declaration.Value = ns;
            last = last is null ? copy.Attributes.Prepend(declaration) : copy.Attributes.InsertAfter(declaration, last);
        }

        return copy;
    }

    private static void UseInScope(Dictionary<string, string> needed, XmlElement root, XmlElement node, string prefix)
    {
        var ns = node.GetNamespaceOfPrefix(prefix);
        if (ns.Length > 0)
        {
            Use(needed, root, node, prefix, ns);
        }
    }

    /// <summary>Records that <paramref name="prefix"/> must be declared on the root unless the root's subtree declares it for <paramref name="node"/>.</summary>
    private static void Use(Dictionary<string, string> needed, XmlElement root, XmlElement node, string prefix, string ns)
    {
        if (prefix is "xml" or "xmlns" || (prefix.Length == 0 && ns.Length == 0))
        {
            return;
        }

        for (XmlElement? scope = node; scope is not null; scope = ReferenceEquals(scope, root) ? null : scope.ParentNode as XmlElement)
        {
            if (scope.GetAttributeNode(prefix.Length == 0 ? "xmlns" : prefix, XmlNames.Xmlns) is not null)
            {
                return;
            }
        }

        needed.TryAdd(prefix, ns);
    }
}
