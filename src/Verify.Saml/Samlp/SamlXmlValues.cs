using System.Globalization;
using System.Text;
using System.Xml;

using Verify.Saml.Errors;

namespace Verify.Saml.Samlp;

/// <summary>
/// Reads and writes the simple values of SAML messages: text-only element content, required and optional
/// attributes, <c>xs:dateTime</c>, <c>xs:date</c>, <c>xs:boolean</c>, <c>xs:ID</c>. Error details name the
/// attribute or element we looked for, never the content found.
/// </summary>
internal static class SamlXmlValues
{
    private const string WireTimeFormat = "yyyy-MM-dd'T'HH:mm:ss.fff'Z'";

    // xs:dateTime in UTC only: seconds with no fraction, or a fraction of 1 to 7 digits, then 'Z'.
    private static readonly string[] UtcTimeFormats =
    [
        "yyyy-MM-dd'T'HH:mm:ss'Z'",
        "yyyy-MM-dd'T'HH:mm:ss.f'Z'",
        "yyyy-MM-dd'T'HH:mm:ss.ff'Z'",
        "yyyy-MM-dd'T'HH:mm:ss.fff'Z'",
        "yyyy-MM-dd'T'HH:mm:ss.ffff'Z'",
        "yyyy-MM-dd'T'HH:mm:ss.fffff'Z'",
        "yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'",
        "yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'",
    ];

    private static readonly char[] XmlWhitespace = [' ', '\t', '\r', '\n'];

    public static bool IsXmlWhitespace(string? value) => value is null || value.AsSpan().Trim(XmlWhitespace).IsEmpty;

    /// <summary>
    /// The whole text of a text-only element, surrounding whitespace trimmed (as OpenSAML, which Verify's parties
    /// ran on, reads it). A child element, comment or processing instruction is refused rather than skipped: the
    /// comment-injection attack (<c>&lt;NameID&gt;user@gov.uk&lt;!----&gt;.evil.com&lt;/NameID&gt;</c>) relies on a
    /// reader taking one text node while the signature covers them all.
    /// </summary>
    public static string Text(XmlElement element, string label)
    {
        // The common case, one text node, needs no builder.
        if (element.FirstChild is { } only && only.NextSibling is null && IsTextNode(only))
        {
            return Trim(only.Value!);
        }

        var text = new StringBuilder();
        for (var node = element.FirstChild; node is not null; node = node.NextSibling)
        {
            if (!IsTextNode(node))
            {
                throw new SamlException(SamlErrorCode.MessageMixedContent, $"In {label}.");
            }

            text.Append(node.Value);
        }

        return Trim(text.ToString());
    }

    /// <summary>Like <see cref="Text"/>, and the text must not be empty.</summary>
    public static string NonEmptyText(XmlElement element, string label)
    {
        var text = Text(element, label);
        return text.Length > 0 ? text : throw new SamlException(SamlErrorCode.MessageInvalidValue, $"{label} is empty.");
    }

    /// <summary>Requires that an element has no content but whitespace (and comments).</summary>
    public static void Empty(XmlElement element, string label) => new ElementCursor(element, label).End();

    public static string? Attribute(XmlElement element, string name, string ns = "")
    {
        var attribute = element.GetAttributeNode(name, ns);
        return attribute?.Value;
    }

    public static string RequiredAttribute(XmlElement element, string name, string label)
    {
        var attribute = element.GetAttributeNode(name, string.Empty)
            ?? throw new SamlException(SamlErrorCode.MessageMissingAttribute, $"'{name}' on {label}.");
        return attribute.Value;
    }

    public static string RequiredNonEmptyAttribute(XmlElement element, string name, string label)
    {
        var value = RequiredAttribute(element, name, label);
        return value.Length > 0 ? value : throw Invalid(name, label);
    }

    /// <summary>The <c>ID</c> attribute, which must be an <c>xs:ID</c> (an NCName).</summary>
    public static string RequiredId(XmlElement element, string label)
    {
        var id = RequiredAttribute(element, "ID", label);
        return IsNcName(id) ? id : throw Invalid("ID", label);
    }

    /// <summary>An optional attribute of type <c>xs:NCName</c>, such as <c>InResponseTo</c>.</summary>
    public static string? OptionalNcName(XmlElement element, string name, string label)
    {
        var value = Attribute(element, name);
        return value is null || IsNcName(value) ? value : throw Invalid(name, label);
    }

    /// <summary>SAML Core 3.2.2 / 3.2.1: only version 2.0 is understood.</summary>
    public static void RequireVersion(XmlElement element, string label)
    {
        var version = RequiredAttribute(element, "Version", label);
        if (version != "2.0")
        {
            throw new SamlException(SamlErrorCode.MessageUnsupportedVersion, $"On {label}.");
        }
    }

    public static DateTimeOffset RequiredTime(XmlElement element, string name, string label) =>
        ParseTime(RequiredAttribute(element, name, label), name, label);

    public static DateTimeOffset? OptionalTime(XmlElement element, string name, string label)
    {
        var value = Attribute(element, name);
        return value is null ? null : ParseTime(value, name, label);
    }

    /// <summary>
    /// SAML Core 1.3.3: times MUST be UTC with no time zone component other than 'Z'. An offset, even +00:00,
    /// or a local time is refused.
    /// </summary>
    public static DateTimeOffset ParseTime(string value, string name, string label)
    {
        if (!DateTimeOffset.TryParseExact(
                Trim(value),
                UtcTimeFormats,
                CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal,
                out var time))
        {
            throw Invalid(name, label);
        }

        return time;
    }

    /// <summary>An optional <c>xs:boolean</c>: <c>true</c>, <c>false</c>, <c>1</c> or <c>0</c>.</summary>
    public static bool? OptionalBoolean(XmlElement element, string name, string label, string ns = "")
    {
        var value = Attribute(element, name, ns);
        return value is null ? null : ParseBoolean(value, name, label);
    }

    public static bool ParseBoolean(string value, string name, string label) => Trim(value) switch
    {
        "true" or "1" => true,
        "false" or "0" => false,
        _ => throw Invalid(name, label),
    };

    /// <summary>An <c>xs:date</c> without a time zone, as Verify's parties send them.</summary>
    public static DateOnly ParseDate(string value, string name, string label) =>
        DateOnly.TryParseExact(Trim(value), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : throw Invalid(name, label);

    public static DateOnly? OptionalDate(XmlElement element, string name, string ns, string label)
    {
        var value = Attribute(element, name, ns);
        return value is null ? null : ParseDate(value, name, label);
    }

    /// <summary>An optional <c>xs:unsignedShort</c>.</summary>
    public static int? OptionalUnsignedShort(XmlElement element, string name, string label)
    {
        var value = Attribute(element, name);
        if (value is null)
        {
            return null;
        }

        return ushort.TryParse(Trim(value), NumberStyles.None, CultureInfo.InvariantCulture, out var number)
            ? number
            : throw Invalid(name, label);
    }

    public static string FormatTime(DateTimeOffset time) =>
        time.UtcDateTime.ToString(WireTimeFormat, CultureInfo.InvariantCulture);

    public static string FormatDate(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string FormatBoolean(bool value) => value ? "true" : "false";

    public static bool IsNcName(string value)
    {
        if (value.Length == 0)
        {
            return false;
        }

        try
        {
            XmlConvert.VerifyNCName(value);
            return true;
        }
        catch (XmlException)
        {
            return false;
        }
    }

    public static SamlException Invalid(string name, string label) =>
        new(SamlErrorCode.MessageInvalidValue, $"'{name}' on {label}.");

    private static bool IsTextNode(XmlNode node) => node.NodeType is XmlNodeType.Text or XmlNodeType.CDATA
        or XmlNodeType.Whitespace or XmlNodeType.SignificantWhitespace;

    private static string Trim(string value) => value.Trim(XmlWhitespace);
}
