using System.Text;

using Verify.Saml.Errors;

namespace Verify.Saml.Bindings;

/// <summary>
/// URL encoding of HTTP-Redirect query parameters (SAML Bindings 3.4.4.1, which defers to
/// application/x-www-form-urlencoded). Encoding is canonical and decoding is strict: a malformed
/// escape or invalid UTF-8 is refused rather than guessed at.
/// </summary>
internal static class FormUrlEncoding
{
    private const string Hex = "0123456789ABCDEF";

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>
    /// RFC 3986 2.3 unreserved characters stay as they are, a space becomes <c>+</c>, every other byte of
    /// the UTF-8 form becomes <c>%XX</c> with UPPERCASE hex digits. Peers that re-encode the parameters before
    /// checking a signature (pysaml2 uses Python's <c>quote_plus</c>, INTEROP.md 5) rebuild exactly this;
    /// for base64 values and URIs it is also what <c>WebUtility.UrlEncode</c> produces.
    /// </summary>
    public static string Encode(string value)
    {
        var bytes = Encoding.UTF8.GetBytes(value);
        var builder = new StringBuilder(bytes.Length * 3);
        foreach (var b in bytes)
        {
            if (IsUnreserved(b))
            {
                builder.Append((char)b);
            }
            else if (b == (byte)' ')
            {
                builder.Append('+');
            }
            else
            {
                builder.Append('%').Append(Hex[b >> 4]).Append(Hex[b & 0xF]);
            }
        }

        return builder.ToString();
    }

    /// <summary>Decodes <c>+</c> and <c>%XX</c> (either case), then strict UTF-8; raw non-ASCII is refused.</summary>
    /// <exception cref="SamlException"><see cref="SamlErrorCode.BindingMalformedQuery"/>.</exception>
    public static string Decode(ReadOnlySpan<char> value)
    {
        var bytes = new List<byte>(value.Length);
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (c == '+')
            {
                bytes.Add((byte)' ');
            }
            else if (c == '%')
            {
                if (i + 2 >= value.Length)
                {
                    throw Malformed();
                }

                var high = HexValue(value[i + 1]);
                var low = HexValue(value[i + 2]);
                if (high < 0 || low < 0)
                {
                    throw Malformed();
                }

                bytes.Add((byte)((high << 4) | low));
                i += 2;
            }
            else if (c is > ' ' and < (char)0x7F)
            {
                bytes.Add((byte)c);
            }
            else
            {
                // RFC 3986 2.1: anything outside printable ASCII must arrive percent-encoded.
                throw new SamlException(SamlErrorCode.BindingMalformedQuery, "A parameter holds a character that must be percent-encoded.");
            }
        }

        try
        {
            return StrictUtf8.GetString([.. bytes]);
        }
        catch (DecoderFallbackException ex)
        {
            throw new SamlException(SamlErrorCode.BindingMalformedQuery, "A parameter is not valid UTF-8.", ex);
        }
    }

    private static bool IsUnreserved(byte b) =>
        b is (>= (byte)'A' and <= (byte)'Z') or (>= (byte)'a' and <= (byte)'z') or (>= (byte)'0' and <= (byte)'9')
            or (byte)'-' or (byte)'.' or (byte)'_' or (byte)'~';

    private static int HexValue(char c) => c switch
    {
        >= '0' and <= '9' => c - '0',
        >= 'A' and <= 'F' => c - 'A' + 10,
        >= 'a' and <= 'f' => c - 'a' + 10,
        _ => -1,
    };

    private static SamlException Malformed() =>
        new(SamlErrorCode.BindingMalformedQuery, "A percent-escape is incomplete or not hexadecimal.");
}
