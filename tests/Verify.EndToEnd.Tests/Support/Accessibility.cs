using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;

using Microsoft.Playwright;

namespace Verify.EndToEnd.Tests.Support;

/// <summary>
/// axe-core (Deque.AxeCore.Playwright) over the page as the browser shows it, against WCAG 2.0, 2.1 and 2.2 A and
/// AA (ARCHITECTURE.md: the hub's pages meet WCAG 2.2 AA). A failure lists every violation with its rule, impact,
/// help link and each offending element's selector and markup, so it can be fixed from the test output alone.
/// </summary>
/// <remarks>
/// An axe run costs a second or more (it injects axe-core into the page and finishes in a page of its own), and the
/// journeys pass the same pages again and again. So a result is kept per page markup (path plus the document with
/// per-response values such as tokens and nonces blanked): a page whose markup was already checked gets the same
/// verdict without a run, and every test that reaches a failing page fails, whatever the order the tests run in.
/// </remarks>
internal static partial class Accessibility
{
    /// <summary>The axe tags checked.</summary>
    public static IReadOnlyList<string> Tags { get; } = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

    // The markup that decides the verdict: the document without values that change on every response.
    private const string MarkupScript = """
        () => {
            const copy = document.documentElement.cloneNode(true);
            copy.querySelectorAll('input[type=hidden]').forEach(e => e.removeAttribute('value'));
            copy.querySelectorAll('[nonce]').forEach(e => e.removeAttribute('nonce'));
            return copy.outerHTML;
        }
        """;

    private static readonly AxeRunOptions Options = new()
    {
        RunOnly = new RunOnlyOptions { Type = "tag", Values = [.. Tags] },
        ResultTypes = [ResultType.Violations],
    };

    // Generous: a first run on a loaded 2-core machine takes seconds.
    private static readonly TimeSpan AxeTimeout = TimeSpan.FromSeconds(60);

    private static readonly ConcurrentDictionary<string, Lazy<Task<AxeResultItem[]>>> Verdicts = new(StringComparer.Ordinal);

    /// <summary>Runs axe on <paramref name="page"/>: null when it finds nothing, else the report of what it found.</summary>
    /// <param name="page">The page as the citizen sees it now.</param>
    /// <param name="what">What the page is, for the report.</param>
    /// <param name="javaScriptEnabled">Whether the page's context runs scripts (axe itself needs them: see below).</param>
    public static async Task<string?> CheckAsync(IPage page, string what, bool javaScriptEnabled)
    {
        ArgumentNullException.ThrowIfNull(page);
        var markup = await page.EvaluateAsync<string>(MarkupScript).ConfigureAwait(false);
        var key = new Uri(page.Url).AbsolutePath + " " + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(markup)));
        var verdict = Verdicts.GetOrAdd(key, _ => new Lazy<Task<AxeResultItem[]>>(() => javaScriptEnabled ? RunAsync(page) : RunOnSnapshotAsync(page)));
        AxeResultItem[] violations;
        try
        {
            violations = await verdict.Value.WaitAsync(AxeTimeout).ConfigureAwait(false);
        }
        catch
        {
            // A run that failed (e.g. the page navigated away) decides nothing: let the next visit run it again.
            Verdicts.TryRemove(key, out _);
            throw;
        }

        return violations.Length == 0 ? null : Describe(what, page.Url, violations);
    }

    private static async Task<AxeResultItem[]> RunAsync(IPage page) => (await page.RunAxe(Options).ConfigureAwait(false)).Violations;

    /// <summary>
    /// axe on a page whose context runs no script (where axe cannot run: it finishes in a page of its own, which never
    /// starts): the page's current document, scripts removed, served at the same URL to a page of a fresh context
    /// that runs scripts, with the same viewport. Styles, fonts and images load from the real site.
    /// </summary>
    private static async Task<AxeResultItem[]> RunOnSnapshotAsync(IPage page)
    {
        var url = page.Url;
        var html = ScriptElement().Replace(await page.ContentAsync().ConfigureAwait(false), "");
        var viewport = page.ViewportSize ?? new() { Width = 1024, Height = 768 };
        var context = await page.Context.Browser!.NewContextAsync(new()
        {
            ViewportSize = new() { Width = viewport.Width, Height = viewport.Height },
            Locale = "en-GB",
        }).ConfigureAwait(false);
        await using (context.ConfigureAwait(false))
        {
            var snapshot = await context.NewPageAsync().ConfigureAwait(false);
            await snapshot.RouteAsync(u => u == url, route => route.FulfillAsync(new() { ContentType = "text/html; charset=utf-8", Body = html }))
                .ConfigureAwait(false);
            await snapshot.GotoAsync(url).ConfigureAwait(false);
            return (await snapshot.RunAxe(Options).ConfigureAwait(false)).Violations;
        }
    }

    /// <summary>The violations as a readable report.</summary>
    public static string Describe(string what, string url, IEnumerable<AxeResultItem> violations)
    {
        ArgumentNullException.ThrowIfNull(violations);
        var report = new StringBuilder();
        report.Append(CultureInfo.InvariantCulture, $"axe found WCAG violations on {what} ({url}):");
        foreach (var violation in violations)
        {
            report.AppendLine();
            report.Append(CultureInfo.InvariantCulture, $"- {violation.Id} ({violation.Impact}): {violation.Help} [{violation.HelpUrl}]");
            foreach (var node in violation.Nodes)
            {
                report.AppendLine();
                report.Append(CultureInfo.InvariantCulture, $"    {node.Target}: {node.Html}");

                // axe's own failure summary: every "any" check failed, or one of "all"/"none" did.
                var checks = (node.Any ?? []).Concat(node.All ?? []).Concat(node.None ?? []);
                foreach (var message in checks.Select(c => c.Message).Where(m => !string.IsNullOrWhiteSpace(m)).Distinct())
                {
                    report.AppendLine();
                    report.Append("      ").Append(message.ReplaceLineEndings(" "));
                }
            }
        }

        return report.ToString();
    }

    [GeneratedRegex(@"<script\b[^>]*>.*?</script>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex ScriptElement();
}
