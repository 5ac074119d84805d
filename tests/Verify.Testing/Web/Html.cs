using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace Verify.Testing.Web;

/// <summary>Reads the hub's pages as a browser would: forms, their fields and their targets.</summary>
public static class Html
{
    private static readonly HtmlParser Parser = new();

    public static IHtmlDocument Parse(string html) => Parser.ParseDocument(html);

    /// <summary>The first form's action and hidden/checked fields (what submitting it unchanged would send).</summary>
    public static (string Action, Dictionary<string, string> Fields) Form(string html, string? selector = null)
    {
        var document = Parse(html);
        var form = (IHtmlFormElement?)document.QuerySelector(selector ?? "form") ?? throw new InvalidOperationException("No form on the page:\n" + html);
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var input in form.QuerySelectorAll("input").OfType<IHtmlInputElement>())
        {
            if (input.Type is "hidden" || (input.Type is "radio" or "checkbox" && input.IsChecked))
            {
                fields[input.Name!] = input.Value;
            }
        }

        return (form.GetAttribute("action") ?? "", fields);
    }

    public static string Heading(string html) => Parse(html).QuerySelector("h1")?.TextContent.Trim() ?? "";
}
