using System.Diagnostics.CodeAnalysis;

namespace Verify.Saml.Saml;

/// <summary>
/// A <c>saml:Attribute</c> (SAML Core 2.7.3.1). Values are typed: plain strings, or Verify's matching dataset
/// and fraud types (see <see cref="AttributeValue"/>).
/// </summary>
[SuppressMessage("Naming", "CA1711:Identifiers should not have incorrect suffix", Justification = "A SAML attribute, not a .NET attribute; the name says so.")]
public sealed record SamlAttribute
{
    /// <summary>The attribute name, e.g. <see cref="VerifyAttributeNames.FirstName"/>.</summary>
    public required string Name { get; init; }

    /// <summary>The <c>NameFormat</c> URI (see <see cref="AttributeNameFormats"/>); absent means unspecified.</summary>
    public string? NameFormat { get; init; }

    /// <summary>A human-readable name; never used for matching.</summary>
    public string? FriendlyName { get; init; }

    /// <summary>The values, in document order.</summary>
    public IReadOnlyList<AttributeValue> Values { get; init; } = [];

    /// <summary>A single-valued plain string attribute with the basic name format.</summary>
    public static SamlAttribute OfString(string name, string value) => new()
    {
        Name = name,
        NameFormat = AttributeNameFormats.Basic,
        Values = [new StringValue(value)],
    };
}
