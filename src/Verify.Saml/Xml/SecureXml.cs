using System.Text;
using System.Xml;

using Verify.Saml.Errors;

namespace Verify.Saml.Xml;

/// <summary>
/// The only way the SAML layer turns outside bytes into a DOM. Any DOCTYPE is refused (so no entity
/// expansion, no XXE), nothing external is ever resolved, and size, depth and attribute count are
/// limited while parsing, before the document is built. Whitespace is preserved because signatures
/// are computed over it.
/// </summary>
public static class SecureXml
{
    /// <summary>Reads a document from UTF-8 (or BOM-declared) bytes.</summary>
    /// <exception cref="SamlException">The document is refused; the code says why.</exception>
    public static XmlDocument Load(ReadOnlySpan<byte> xml, SecureXmlOptions? options = null)
    {
        options ??= SecureXmlOptions.Default;
        CheckLength(xml.Length, options);

        using var stream = new MemoryStream(xml.ToArray(), writable: false);
        return Load(stream, options);
    }

    /// <summary>Reads a document from a string.</summary>
    /// <exception cref="SamlException">The document is refused; the code says why.</exception>
    public static XmlDocument Load(string xml, SecureXmlOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(xml);
        options ??= SecureXmlOptions.Default;
        CheckLength(xml.Length, options);

        using var reader = new StringReader(xml);
        return Load(XmlReader.Create(reader, CreateSettings(options)), options);
    }

    /// <summary>Reads a document from a stream; the stream is read at most to the size limit.</summary>
    /// <exception cref="SamlException">The document is refused; the code says why.</exception>
    public static XmlDocument Load(Stream xml, SecureXmlOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(xml);
        options ??= SecureXmlOptions.Default;
        return Load(XmlReader.Create(xml, CreateSettings(options)), options);
    }

    /// <summary>Reads a UTF-8 string given as bytes, e.g. a decoded base64 SAML message.</summary>
    public static XmlDocument LoadUtf8(string xml, SecureXmlOptions? options = null) =>
        Load(Encoding.UTF8.GetBytes(xml ?? throw new ArgumentNullException(nameof(xml))), options);

    private static XmlReaderSettings CreateSettings(SecureXmlOptions options) => new()
    {
        // A DOCTYPE is never legitimate in SAML (SAML Core 1.3 forbids DTDs in protocol messages).
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        MaxCharactersInDocument = options.MaxCharacters,
        MaxCharactersFromEntities = 1024,
        IgnoreWhitespace = false,
        IgnoreComments = false,
        IgnoreProcessingInstructions = false,
        CloseInput = true,
        ValidationType = ValidationType.None,
    };

    /// <summary>
    /// Reads one element from UTF-8 bytes straight into <paramref name="owner"/> (a node it owns, not yet in its tree),
    /// with the same refusals and limits as <see cref="Load(ReadOnlySpan{byte}, SecureXmlOptions?)"/>, whitespace kept:
    /// no document of its own to build and then copy node by node (decrypted content, ADR 0004).
    /// </summary>
    /// <exception cref="SamlException">The content is refused; the code says why.</exception>
    internal static XmlElement LoadElement(XmlDocument owner, byte[] xml, SecureXmlOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(owner);
        ArgumentNullException.ThrowIfNull(xml);
        options ??= SecureXmlOptions.Default;
        CheckLength(xml.Length, options);

        var settings = CreateSettings(options);
        settings.NameTable = owner.NameTable;
        using var inner = XmlReader.Create(new MemoryStream(xml, writable: false), settings);
        using var reader = new LimitingXmlReader(inner, options);
        var preserve = owner.PreserveWhitespace;
        owner.PreserveWhitespace = true;
        try
        {
            if (reader.MoveToContent() != XmlNodeType.Element)
            {
                throw new SamlException(SamlErrorCode.XmlEmpty);
            }

            var element = (XmlElement)owner.ReadNode(reader)!;

            // The rest may hold only what a document may hold after its element; the reader refuses a second element.
            while (reader.Read())
            {
                if (reader.NodeType is not (XmlNodeType.Whitespace or XmlNodeType.Comment or XmlNodeType.ProcessingInstruction))
                {
                    throw new SamlException(SamlErrorCode.XmlMalformed, "Content after the element.");
                }
            }

            return element;
        }
        catch (XmlException ex)
        {
            throw Refused(ex);
        }
        finally
        {
            owner.PreserveWhitespace = preserve;
        }
    }

    private static XmlDocument Load(XmlReader inner, SecureXmlOptions options)
    {
        using var reader = new LimitingXmlReader(inner, options);
        var document = new XmlDocument { PreserveWhitespace = true, XmlResolver = null };
        try
        {
            document.Load(reader);
        }
        catch (XmlException ex)
        {
            throw Refused(ex);
        }

        if (document.DocumentElement is null)
        {
            throw new SamlException(SamlErrorCode.XmlEmpty);
        }

        return document;
    }

    /// <summary>Nothing, or more than the limit, is refused before any parsing.</summary>
    private static void CheckLength(long length, SecureXmlOptions options)
    {
        if (length == 0)
        {
            throw new SamlException(SamlErrorCode.XmlEmpty);
        }

        if (length > options.MaxCharacters)
        {
            throw new SamlException(SamlErrorCode.XmlTooLarge);
        }
    }

    private static SamlException Refused(XmlException ex) =>
        ex.Message.Contains("DTD", StringComparison.Ordinal) ? new SamlException(SamlErrorCode.XmlDoctypeForbidden, inner: ex)
        : ex.Message.Contains("MaxCharactersInDocument", StringComparison.Ordinal) || ex.Message.Contains("exceeds the quota", StringComparison.OrdinalIgnoreCase)
            ? new SamlException(SamlErrorCode.XmlTooLarge, inner: ex)
            : new SamlException(SamlErrorCode.XmlMalformed, inner: ex);
}
