using System.Security.Cryptography;
using System.Security.Cryptography.Xml;
using System.Xml;

namespace Verify.Saml.Xml;

/// <summary>
/// Exclusive XML canonicalization (xml-exc-c14n, without comments) of one element, done by the
/// framework's <see cref="XmlDsigExcC14NTransform"/>: we do not write a canonicaliser of our own.
/// </summary>
/// <remarks>
/// What we save over <see cref="SignedXml"/> is the text round trip: <c>SignedXml</c> serialises the
/// referenced element to a string and parses it again before canonicalising it. Here the element is
/// copied DOM to DOM into a fresh document, with the namespace declarations in scope from its
/// ancestors carried onto the copy (as <c>SignedXml</c> does, so an <c>InclusiveNamespaces</c> prefix
/// declared on an ancestor is still rendered), and the enveloped signature is left out of the copy
/// (XMLDSig 6.6.4: the enveloped-signature transform removes the Signature element that contains it).
/// </remarks>
internal static class ExclusiveCanonicalizer
{
    /// <summary>The digest of <paramref name="element"/> without <paramref name="envelopedSignature"/>.</summary>
    public static byte[] Digest(XmlElement element, XmlElement? envelopedSignature, string? inclusivePrefixes, HashAlgorithmName hash)
    {
        var transform = Transform(element, envelopedSignature, inclusivePrefixes);
        using var algorithm = CreateHash(hash);
        return transform.GetDigestedOutput(algorithm);
    }

    /// <summary>The canonical octets of <paramref name="element"/>, e.g. a SignedInfo to be signed.</summary>
    public static byte[] Canonicalize(XmlElement element, string? inclusivePrefixes)
    {
        var transform = Transform(element, null, inclusivePrefixes);
        using var stream = (MemoryStream)transform.GetOutput(typeof(Stream));
        return stream.ToArray();
    }

    private static XmlDsigExcC14NTransform Transform(XmlElement element, XmlElement? excluded, string? inclusivePrefixes)
    {
        var document = new XmlDocument { PreserveWhitespace = true, XmlResolver = null };
        var copy = (XmlElement)document.ImportNode(element, deep: false);
        foreach (XmlNode child in element.ChildNodes)
        {
            if (!ReferenceEquals(child, excluded))
            {
                copy.AppendChild(document.ImportNode(child, deep: true));
            }
        }

        document.AppendChild(copy);
        PropagateAncestorNamespaces(element, copy);

        var transform = new XmlDsigExcC14NTransform(includeComments: false, inclusivePrefixes);
        transform.LoadInput(document);
        return transform;
    }

    /// <summary>Copies onto <paramref name="copy"/> every namespace declaration in scope at the original's parent that the original does not redeclare.</summary>
    private static void PropagateAncestorNamespaces(XmlElement original, XmlElement copy)
    {
        for (var ancestor = original.ParentNode as XmlElement; ancestor is not null; ancestor = ancestor.ParentNode as XmlElement)
        {
            foreach (XmlAttribute attribute in ancestor.Attributes)
            {
                if (attribute.NamespaceURI != XmlNames.Xmlns || copy.HasAttribute(attribute.Name))
                {
                    continue;
                }

                copy.SetAttributeNode((XmlAttribute)copy.OwnerDocument.ImportNode(attribute, deep: true));
            }
        }
    }

    private static HashAlgorithm CreateHash(HashAlgorithmName hash) =>
        hash == HashAlgorithmName.SHA256 ? SHA256.Create()
        : hash == HashAlgorithmName.SHA384 ? SHA384.Create()
        : hash == HashAlgorithmName.SHA512 ? SHA512.Create()
        : throw new CryptographicException("Unsupported digest.");
}
