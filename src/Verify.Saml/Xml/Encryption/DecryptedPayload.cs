using System.Security;
using System.Security.Cryptography;
using System.Text;
using System.Xml;

using Verify.Saml.Errors;

namespace Verify.Saml.Xml.Encryption;

/// <summary>
/// Turns decrypted octets back into the one element they must be. The octets are hostile until proven
/// otherwise (whoever encrypted them chose them), so they are read by <see cref="SecureXml"/> with its
/// limits and its refusal of any DOCTYPE, exactly like a message from outside.
/// </summary>
internal static class DecryptedPayload
{
    private const string ContextName = "verify-decryption-context";

    /// <summary>
    /// The single <paramref name="expectedLocalName"/> element the plaintext holds, read straight into the document of
    /// <paramref name="wrapper"/> (not yet in its tree).
    /// </summary>
    public static XmlElement Parse(byte[] plaintext, XmlElement wrapper, string expectedNamespace, string expectedLocalName, SecureXmlOptions? options)
    {
        // XML Encryption 1.1 decryption rules: Element plaintext is parsed in the context of where the
        // EncryptedData was, so prefixes it inherits (as xmlsec1 writes it) resolve. The context element
        // carries the in-scope namespace declarations and nothing else.
        var open = Encoding.UTF8.GetBytes($"<{ContextName}{InScopeDeclarations(wrapper)}>");
        var close = Encoding.UTF8.GetBytes($"</{ContextName}>");
        var body = WithoutPreamble(plaintext);
        var buffer = new byte[open.Length + body.Length + close.Length];
        open.CopyTo(buffer, 0);
        body.CopyTo(buffer.AsSpan(open.Length));
        close.CopyTo(buffer, open.Length + body.Length);

        XmlElement context;
        try
        {
            context = SecureXml.LoadElement(wrapper.OwnerDocument, buffer, options);
        }
        catch (SamlException ex)
        {
            throw new SamlException(ex.Code, "(In the decrypted content.)", ex);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(buffer);
        }

        // SAML Core 2.3.4 (and 2.2.4, 2.7.3.2): the plaintext is exactly one element of the wrapped kind.
        XmlElement? found = null;
        foreach (XmlNode child in context.ChildNodes)
        {
            switch (child)
            {
                case XmlWhitespace or XmlSignificantWhitespace:
                    continue;
                case XmlElement element when found is null:
                    found = element;
                    continue;
                default:
                    throw new SamlException(SamlErrorCode.EncryptionPayloadInvalid, "It holds more than one element, or other content.");
            }
        }

        return found is not null && found.LocalName == expectedLocalName && found.NamespaceURI == expectedNamespace
            ? found
            : throw new SamlException(SamlErrorCode.EncryptionPayloadInvalid, $"Expected one {expectedLocalName}.");
    }

    /// <summary>Namespace declarations in scope at <paramref name="wrapper"/>, innermost first, as attribute text.</summary>
    private static string InScopeDeclarations(XmlElement wrapper)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var text = new StringBuilder();
        for (var scope = wrapper; scope is not null; scope = scope.ParentNode as XmlElement)
        {
            foreach (XmlAttribute attribute in scope.Attributes)
            {
                var prefix = attribute.Prefix == "xmlns" ? attribute.LocalName : attribute.Name == "xmlns" ? "" : null;
                if (prefix is null || !seen.Add(prefix) || (prefix.Length == 0 && attribute.Value.Length == 0))
                {
                    continue;
                }

                text.Append(' ').Append(attribute.Name).Append("=\"").Append(SecurityElement.Escape(attribute.Value)).Append('"');
            }
        }

        return text.ToString();
    }

    /// <summary>Drops a UTF-8 byte order mark and an XML declaration, which some serialisers put before the element.</summary>
    private static ReadOnlySpan<byte> WithoutPreamble(ReadOnlySpan<byte> plaintext)
    {
        if (plaintext.StartsWith("\uFEFF"u8))
        {
            plaintext = plaintext[3..];
        }

        if (plaintext.StartsWith("<?xml"u8) && plaintext.Length > 5 && plaintext[5] is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n')
        {
            var end = plaintext.IndexOf("?>"u8);
            plaintext = end < 0 ? plaintext : plaintext[(end + 2)..];
        }

        return plaintext;
    }
}
