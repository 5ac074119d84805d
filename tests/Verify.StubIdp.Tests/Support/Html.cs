using System.Net;
using System.Text.RegularExpressions;

namespace Verify.StubIdp.Tests.Support;

/// <summary>Just enough HTML reading for the tests: attribute values of the elements the pages render.</summary>
internal static partial class Html
{
    /// <summary>The value of the input named <paramref name="name"/>, decoded, or null.</summary>
    public static string? InputValue(string html, string name)
    {
        foreach (Match input in InputPattern().Matches(html))
        {
            if (Attribute(input.Value, "name") == name)
            {
                return Attribute(input.Value, "value");
            }
        }

        return null;
    }

    /// <summary>The values of every input named <paramref name="name"/>.</summary>
    public static IReadOnlyList<string> InputValues(string html, string name) =>
        [.. InputPattern().Matches(html).Where(m => Attribute(m.Value, "name") == name).Select(m => Attribute(m.Value, "value") ?? "")];

    /// <summary>The <c>action</c> of the first form, decoded.</summary>
    public static string? FormAction(string html) => FormPattern().Match(html) is { Success: true } form ? Attribute(form.Value, "action") : null;

    /// <summary>Each submit button: its name, value and visible text.</summary>
    public static IReadOnlyList<(string? Name, string? Value, string Text)> Buttons(string html) =>
        [.. ButtonPattern().Matches(html).Select(m => (Attribute(m.Groups[1].Value, "name"), Attribute(m.Groups[1].Value, "value"),
            WebUtility.HtmlDecode(m.Groups[2].Value).Trim()))];

    private static string? Attribute(string tag, string name)
    {
        var match = Regex.Match(tag, "\\s" + Regex.Escape(name) + "=\"([^\"]*)\"");
        return match.Success ? WebUtility.HtmlDecode(match.Groups[1].Value) : null;
    }

    [GeneratedRegex("<input\\b[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex InputPattern();

    [GeneratedRegex("<form\\b[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex FormPattern();

    [GeneratedRegex("<button\\b([^>]*)>(.*?)</button>", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex ButtonPattern();
}
