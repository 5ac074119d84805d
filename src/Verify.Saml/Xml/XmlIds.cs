using System.Xml;

using Verify.Saml.Errors;

namespace Verify.Saml.Xml;

/// <summary>
/// Finds elements by ID the strict way. <c>SignedXml</c> looks IDs up case-insensitively among
/// <c>ID</c>, <c>Id</c> and <c>id</c> and takes the first match, which is what signature-wrapping attacks
/// exploit. Here an ID must be unique in the whole document, and no element may carry two ID-like
/// attributes, so a reference can only ever mean one element.
/// </summary>
internal static class XmlIds
{
    /// <summary>The element's own ID (its one ID-like attribute), or null.</summary>
    public static string? IdOf(XmlElement element)
    {
        string? found = null;
        foreach (XmlAttribute attribute in element.Attributes)
        {
            if (IsIdAttribute(attribute))
            {
                if (found is not null)
                {
                    throw new SamlException(SamlErrorCode.IdCaseVariant);
                }

                found = attribute.Value;
            }
        }

        return found;
    }

    /// <summary>The one element in the document whose ID is <paramref name="id"/>; refuses duplicates anywhere in the document.</summary>
    public static XmlElement? FindUnique(XmlDocument document, string id)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        XmlElement? match = null;
        var root = document.DocumentElement;
        for (XmlNode? node = root; node is not null; node = Next(node, root!))
        {
            if (node is not XmlElement element)
            {
                continue;
            }

            var elementId = IdOf(element);
            if (elementId is null)
            {
                continue;
            }

            if (!seen.Add(elementId))
            {
                throw new SamlException(SamlErrorCode.IdDuplicate);
            }

            if (string.Equals(elementId, id, StringComparison.Ordinal))
            {
                match = element;
            }
        }

        return match;
    }

    /// <summary>Every element below <paramref name="root"/> in document order, without recursion.</summary>
    public static IEnumerable<XmlElement> Descendants(XmlElement root)
    {
        for (var node = Next(root, root); node is not null; node = Next(node, root))
        {
            if (node is XmlElement element)
            {
                yield return element;
            }
        }
    }

    private static bool IsIdAttribute(XmlAttribute attribute) =>
        attribute.NamespaceURI.Length == 0
        && attribute.LocalName.Length == 2
        && string.Equals(attribute.LocalName, "ID", StringComparison.OrdinalIgnoreCase);

    /// <summary>Document-order successor of <paramref name="node"/> within <paramref name="root"/>, without recursion.</summary>
    private static XmlNode? Next(XmlNode node, XmlNode root)
    {
        if (node.FirstChild is not null)
        {
            return node.FirstChild;
        }

        for (var current = node; current is not null && !ReferenceEquals(current, root); current = current.ParentNode)
        {
            if (current.NextSibling is not null)
            {
                return current.NextSibling;
            }
        }

        return null;
    }
}
