using AngleSharp.Html.Dom;

namespace Verify.LoadBenchmark;

/// <summary>
/// A form as a browser submits it: its action resolved against the page, its hidden fields (antiforgery token, SAML
/// message, RelayState) and the values checked by default; the citizen's choices are then set by name.
/// </summary>
internal sealed class HtmlForm
{
    private readonly Page _page;
    private readonly IHtmlFormElement _form;
    private readonly Dictionary<string, string> _fields = new(StringComparer.Ordinal);

    public HtmlForm(Page page, IHtmlFormElement form)
    {
        _page = page;
        _form = form;
        var action = form.GetAttribute("action");
        Action = string.IsNullOrEmpty(action) ? page.Url : new Uri(page.Url, action);
        foreach (var input in form.QuerySelectorAll("input").OfType<IHtmlInputElement>())
        {
            if (input.Name is { Length: > 0 } name && (input.Type is "hidden" || (input.Type is "radio" or "checkbox" && input.IsChecked)))
            {
                _fields[name] = input.Value;
            }
        }
    }

    public Uri Action { get; }

    public IReadOnlyDictionary<string, string> Fields => _fields;

    /// <summary>Chooses the radio button <paramref name="name"/> = <paramref name="value"/>, which must be offered.</summary>
    public HtmlForm Choose(string name, string value)
    {
        var offered = _form.QuerySelectorAll("input").OfType<IHtmlInputElement>().Any(i => i.Type == "radio" && i.Name == name && i.Value == value);
        _fields[name] = offered ? value : throw new JourneyFailure(_page.Hop, $"the form does not offer {name}={value}");
        return this;
    }

    /// <summary>Presses the submit button <paramref name="name"/> = <paramref name="value"/>, which must be on the form.</summary>
    public HtmlForm Press(string name, string value)
    {
        var present = _form.QuerySelectorAll("button").OfType<IHtmlButtonElement>().Any(b => b.Name == name && b.Value == value);
        _fields[name] = present ? value : throw new JourneyFailure(_page.Hop, $"the form has no button {name}={value}");
        return this;
    }

    /// <summary>Requires the hidden field <paramref name="name"/> (a SAML message).</summary>
    public HtmlForm Require(string name) =>
        _fields.ContainsKey(name) ? this : throw new JourneyFailure(_page.Hop, $"the form has no {name} field");
}
