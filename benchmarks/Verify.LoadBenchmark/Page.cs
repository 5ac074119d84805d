using System.Net;

using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace Verify.LoadBenchmark;

/// <summary>One response as the browser got it: where from, its status, its redirect target and its HTML.</summary>
internal sealed class Page(string hop, Uri url, HttpStatusCode status, Uri? location, string html)
{
    private static readonly HtmlParser Parser = new();
    private IHtmlDocument? _document;

    public string Hop { get; } = hop;

    public Uri Url { get; } = url;

    public HttpStatusCode Status { get; } = status;

    public string Html { get; } = html;

    public IHtmlDocument Document => _document ??= Parser.ParseDocument(Html);

    /// <summary>The redirect target of a 302/303, resolved against the page's URL; a failure otherwise.</summary>
    public Uri RedirectTarget() =>
        Status is HttpStatusCode.Found or HttpStatusCode.SeeOther && location is not null
            ? new Uri(Url, location)
            : throw Unexpected("a redirect");

    /// <summary>The page's form (<paramref name="selector"/>, else the first), on a 200 page; a failure otherwise.</summary>
    public HtmlForm Form(string? selector = null)
    {
        if (Status != HttpStatusCode.OK)
        {
            throw Unexpected("a page with a form");
        }

        return Document.QuerySelector(selector ?? "form") is IHtmlFormElement form ? new HtmlForm(this, form) : throw Unexpected("a form");
    }

    /// <summary>The h1's text (what the citizen is told), or the title.</summary>
    public string Heading() =>
        (Document.QuerySelector("h1")?.TextContent ?? Document.Title ?? "").Trim().ReplaceLineEndings(" ");

    /// <summary>A failure that says what came instead: the status and the heading, never the page's content.</summary>
    public JourneyFailure Unexpected(string expected)
    {
        var heading = Status == HttpStatusCode.OK || Html.Length > 0 ? Heading() : "";
        if (heading.Length > 60)
        {
            heading = heading[..57] + "...";
        }

        return new JourneyFailure(Hop, $"expected {expected}, got HTTP {(int)Status}{(heading.Length > 0 ? $" '{heading}'" : "")}");
    }
}
