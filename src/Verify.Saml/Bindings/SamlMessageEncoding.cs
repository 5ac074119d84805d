using System.IO.Compression;
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

    /// <summary>Decodes base64, tolerating the line wrapping and spaces some senders add (SAML Bindings 3.5.4).</summary>
    public static byte[] DecodeBase64(string value, int maxBytes = DefaultMaxBytes)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (value.Length > ((maxBytes + 2) / 3 * 4) + (value.Length / 64 * 2) + 16)
        {
            throw new SamlException(SamlErrorCode.XmlTooLarge);
        }

        try
        {
            return Convert.FromBase64String(value);
        }
        catch (FormatException ex)
        {
            throw new SamlException(SamlErrorCode.BindingMalformedBase64, inner: ex);
        }
    }

    /// <summary>Inflates raw DEFLATE (RFC 1951) data, refusing output beyond <paramref name="maxBytes"/>.</summary>
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
            while ((read = inflater.Read(buffer, 0, buffer.Length)) > 0)
            {
                if (output.Length + read > maxBytes)
                {
                    throw new SamlException(SamlErrorCode.BindingInflateTooLarge);
                }

                output.Write(buffer, 0, read);
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
}
