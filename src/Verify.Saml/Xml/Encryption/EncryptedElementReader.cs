using System.Xml;

using Verify.Saml.Errors;

namespace Verify.Saml.Xml.Encryption;

/// <summary>
/// Reads a SAML encrypted element (SAML Core 2.2.4 EncryptedElementType: one xenc:EncryptedData, then
/// any xenc:EncryptedKey siblings) into <see cref="EncryptedElementParts"/>. Every structural and
/// algorithm refusal happens here, before any key is used, so none of them depends on our keys.
/// </summary>
internal static class EncryptedElementReader
{
    public static EncryptedElementParts Read(XmlElement wrapper)
    {
        EncryptedElementScan.Check(wrapper);

        var children = ElementChildren(wrapper);
        if (children.Count == 0 || !Is(children[0], XmlNames.XmlEnc, "EncryptedData")
            || children.Skip(1).Any(child => !Is(child, XmlNames.XmlEnc, "EncryptedKey")))
        {
            throw new SamlException(SamlErrorCode.EncryptionMalformed, "Expected one EncryptedData followed by EncryptedKey elements.");
        }

        var encryptedData = children[0];

        // XML Encryption 1.1 §3.1: Type Element means the plaintext is exactly one element (SAML Core 6.1 asks for it).
        var type = encryptedData.GetAttribute("Type");
        if (type.Length > 0 && type != XmlEncryptionNames.ElementType)
        {
            throw new SamlException(SamlErrorCode.EncryptionMalformed, "EncryptedData Type must be #Element.");
        }

        var parts = Parts(encryptedData, "EncryptionMethod", "KeyInfo", "CipherData", "EncryptionProperties");
        var algorithm = EncryptionAlgorithmPolicy.DataAlgorithm(parts.GetValueOrDefault("EncryptionMethod"));
        var cipherValue = CipherValue(parts.GetValueOrDefault("CipherData"));

        // Inline keys (XML Encryption 1.1 §3.5.1) first, then SAML's sibling form (SAML Core 2.2.4).
        var keyElements = new List<XmlElement>();
        if (parts.GetValueOrDefault("KeyInfo") is { } keyInfo)
        {
            keyElements.AddRange(ElementChildren(keyInfo).Where(child => Is(child, XmlNames.XmlEnc, "EncryptedKey")));
        }

        keyElements.AddRange(children.Skip(1));
        if (keyElements.Count == 0)
        {
            throw new SamlException(SamlErrorCode.EncryptionKeyMissing);
        }

        return new EncryptedElementParts(algorithm, cipherValue, [.. keyElements.Select(ReadKey)]);
    }

    private static EncryptedKeyParts ReadKey(XmlElement encryptedKey)
    {
        var parts = Parts(encryptedKey, "EncryptionMethod", "KeyInfo", "CipherData", "EncryptionProperties", "ReferenceList", "CarriedKeyName");
        var padding = EncryptionAlgorithmPolicy.KeyTransport(parts.GetValueOrDefault("EncryptionMethod"));
        var cipherValue = CipherValue(parts.GetValueOrDefault("CipherData"));
        var named = Child(Child(parts.GetValueOrDefault("KeyInfo"), XmlNames.DSig, "X509Data"), XmlNames.DSig, "X509Certificate");
        var certificate = named is null ? null : Base64(named.InnerText, malformedIsNull: true);
        return new EncryptedKeyParts(padding, cipherValue, certificate);
    }

    /// <summary>The element children of an XML Encryption type by local name, each allowed at most once.</summary>
    private static Dictionary<string, XmlElement> Parts(XmlElement parent, params string[] allowed)
    {
        var parts = new Dictionary<string, XmlElement>(StringComparer.Ordinal);
        foreach (var child in ElementChildren(parent))
        {
            var ns = child.LocalName == "KeyInfo" ? XmlNames.DSig : XmlNames.XmlEnc;
            if (!allowed.Contains(child.LocalName, StringComparer.Ordinal) || child.NamespaceURI != ns || !parts.TryAdd(child.LocalName, child))
            {
                throw new SamlException(SamlErrorCode.EncryptionMalformed, $"Unexpected element in {parent.LocalName}.");
            }
        }

        return parts;
    }

    /// <summary>XML Encryption 1.1 §3.3: CipherData holds a CipherValue (CipherReference was refused by the scan).</summary>
    private static byte[] CipherValue(XmlElement? cipherData)
    {
        var values = cipherData is null ? [] : ElementChildren(cipherData);
        if (values.Count != 1 || !Is(values[0], XmlNames.XmlEnc, "CipherValue") || values[0].ChildNodes.OfType<XmlElement>().Any())
        {
            throw new SamlException(SamlErrorCode.EncryptionMalformed, "CipherData must hold one CipherValue.");
        }

        return Base64(values[0].InnerText, malformedIsNull: false)!;
    }

    private static byte[]? Base64(string text, bool malformedIsNull)
    {
        try
        {
            var bytes = Convert.FromBase64String(text);
            return bytes.Length > 0 ? bytes : throw new FormatException();
        }
        catch (FormatException) when (malformedIsNull)
        {
            return null;
        }
        catch (FormatException ex)
        {
            throw new SamlException(SamlErrorCode.EncryptionMalformed, "A CipherValue is not base64.", ex);
        }
    }

    /// <summary>Element children; text other than whitespace is refused (XML Encryption types have element-only content).</summary>
    private static List<XmlElement> ElementChildren(XmlElement parent)
    {
        var elements = new List<XmlElement>();
        foreach (XmlNode child in parent.ChildNodes)
        {
            switch (child)
            {
                case XmlElement element:
                    elements.Add(element);
                    break;
                case XmlText or XmlCDataSection when child.Value!.Trim().Length > 0:
                    throw new SamlException(SamlErrorCode.EncryptionMalformed, $"Text is not allowed in {parent.LocalName}.");
                default:
                    break;
            }
        }

        return elements;
    }

    private static XmlElement? Child(XmlElement? parent, string ns, string localName) =>
        parent?.ChildNodes.OfType<XmlElement>().FirstOrDefault(child => Is(child, ns, localName));

    private static bool Is(XmlElement element, string ns, string localName) =>
        element.LocalName == localName && element.NamespaceURI == ns;
}
