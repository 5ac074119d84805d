using System.Globalization;
using System.Text;

using Verify.Saml.Saml;

namespace Verify.TestRp.Outcomes;

/// <summary>Turns asserted attributes into text to show (never to log: they are personal data).</summary>
internal static class AttributeDisplay
{
    /// <summary>Each attribute by its friendly name, in document order.</summary>
    public static IReadOnlyList<IdentityAttribute> From(Assertion assertion) =>
        [.. assertion.Attributes.Select(attribute => new IdentityAttribute(
            FriendlyName(attribute),
            attribute.Name,
            [.. attribute.Values.Select(value => Lines(attribute.Name, value))]))];

    private static string FriendlyName(SamlAttribute attribute) =>
        !string.IsNullOrWhiteSpace(attribute.FriendlyName) ? attribute.FriendlyName
        : HubAttributeNames.FriendlyNames.TryGetValue(attribute.Name, out var known) ? known
        : attribute.Name;

    private static IReadOnlyList<string> Lines(string name, AttributeValue value) => value switch
    {
        // RFC 4517 3.3.28 PostalAddress: lines separated by '$'; '$' and '\' in a line escaped as \24 and \5C.
        StringValue text when name == HubAttributeNames.PostalAddress => [.. text.Value.Split('$').Select(UnescapePostalLine)],
        StringValue text => [text.Value],
        PersonNameValue person => [person.Value],
        DateValue date => [date.Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)],
        GenderValue gender => [GenderValue.ToWireText(gender.Value)],
        AddressValue address => [.. address.Lines, .. new[] { address.PostCode, address.InternationalPostCode }.OfType<string>()],
        IpAddressValue ip => [ip.Value],
        FraudEventIdValue fraud => [fraud.Value],
        Gpg45StatusValue status => [status.Value.ToString()],
        _ => [value.GetType().Name],
    };

    private static string UnescapePostalLine(string line)
    {
        if (!line.Contains('\\', StringComparison.Ordinal))
        {
            return line;
        }

        var text = new StringBuilder(line.Length);
        for (var i = 0; i < line.Length; i++)
        {
            if (line[i] == '\\' && i + 2 < line.Length
                && byte.TryParse(line.AsSpan(i + 1, 2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var escaped)
                && escaped is 0x24 or 0x5C)
            {
                text.Append((char)escaped);
                i += 2;
            }
            else
            {
                text.Append(line[i]);
            }
        }

        return text.ToString();
    }
}
