using System.IO.Compression;
using System.Text;
using System.Xml;

using Verify.Saml.Errors;

namespace Verify.Saml.Bindings;

/// <summary>
/// The encodings SAML bindings wrap messages in: base64 (HTTP-POST, SAML Bindings 3.5.4) and
/// DEFLATE + base64 (HTTP-Redirect, SAML Bindings 3.4.4.1). Decoding is size-capped before any
/// XML is parsed, so a deflate bomb is refused after reading at most the cap.
/// </summary>
public static class SamlMessageEncoding
{
    /// <summary>Largest decoded message accepted (matches <see cref="Xml.SecureXmlOptions.MaxCharacters"/>).</summary>
    public const int DefaultMaxBytes = 256 * 1024;

    private static readonly XmlWriterSettings WriterSettings = new()
    {
        Encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
        OmitXmlDeclaration = true,
        Indent = false,

        // Line breaks and tabs in attribute values (and carriage returns anywhere) are written as character
        // references, so the receiver's parser rebuilds exactly the values that were signed.
        NewLineHandling = NewLineHandling.Entitize,
    };

    /// <summary>Decodes base64, tolerating the line wrapping and spaces some senders add (SAML Bindings 3.5.4).</summary>
    /// <exception cref="SamlException"><see cref="SamlErrorCode.BindingMessageTooLarge"/> or <see cref="SamlErrorCode.BindingMalformedBase64"/>.</exception>
    public static byte[] DecodeBase64(string value, int maxBytes = DefaultMaxBytes)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (value.Length > ((maxBytes + 2) / 3 * 4) + (value.Length / 64 * 2) + 16)
        {
            throw new SamlException(SamlErrorCode.BindingMessageTooLarge);
        }

        byte[] decoded;
        try
        {
            decoded = Convert.FromBase64String(value);
        }
        catch (FormatException ex)
        {
            throw new SamlException(SamlErrorCode.BindingMalformedBase64, inner: ex);
        }

        return decoded.Length <= maxBytes ? decoded : throw new SamlException(SamlErrorCode.BindingMessageTooLarge);
    }

    /// <summary>
    /// Inflates raw DEFLATE (RFC 1951) data, refusing output beyond <paramref name="maxBytes"/>. At most
    /// <paramref name="maxBytes"/> + 1 bytes are ever inflated, however much the input claims to hold.
    /// </summary>
    /// <exception cref="SamlException"><see cref="SamlErrorCode.BindingInflateTooLarge"/> or <see cref="SamlErrorCode.BindingMalformedDeflate"/>.</exception>
    public static byte[] Inflate(byte[] deflated, int maxBytes = DefaultMaxBytes)
    {
        ArgumentNullException.ThrowIfNull(deflated);
        using var input = new MemoryStream(deflated, writable: false);
        using var inflater = new DeflateStream(input, CompressionMode.Decompress);
        using var output = new MemoryStream();
        var buffer = new byte[16 * 1024];
        try
        {
            int read;
            while ((read = inflater.Read(buffer, 0, (int)Math.Min(buffer.Length, maxBytes + 1L - output.Length))) > 0)
            {
                output.Write(buffer, 0, read);
                if (output.Length > maxBytes)
                {
                    throw new SamlException(SamlErrorCode.BindingInflateTooLarge);
                }
            }
        }
        catch (InvalidDataException ex)
        {
            throw new SamlException(SamlErrorCode.BindingMalformedDeflate, inner: ex);
        }

        return output.ToArray();
    }

    /// <summary>Deflates (raw DEFLATE) for the HTTP-Redirect binding.</summary>
    public static byte[] Deflate(ReadOnlySpan<byte> data)
    {
        using var output = new MemoryStream();
        using (var deflater = new DeflateStream(output, CompressionLevel.Optimal, leaveOpen: true))
        {
            deflater.Write(data);
        }

        return output.ToArray();
    }

    /// <summary>
    /// Writes an element as UTF-8 without a byte order mark or XML declaration, whitespace as it stands
    /// in the DOM, so that a signature made over the DOM still verifies after the peer parses the bytes.
    /// </summary>
    public static byte[] Serialize(XmlElement element)
    {
        ArgumentNullException.ThrowIfNull(element);
        using var stream = new MemoryStream();
        using (var writer = XmlWriter.Create(stream, WriterSettings))
        {
            element.WriteTo(writer);
        }

        return stream.ToArray();
    }
}
