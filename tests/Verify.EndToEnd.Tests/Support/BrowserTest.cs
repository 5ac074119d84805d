using Microsoft.Playwright;

using Verify.Cli.StartDev;

namespace Verify.EndToEnd.Tests.Support;

/// <summary>
/// A test with its own browser context (cookies, cache, storage) in the shared Chromium, against the shared federation
/// (<see cref="EndToEndSetup"/>). Every step waits at most <see cref="StepTimeout"/>. A Playwright trace is recorded
/// and, when the test fails, kept with a screenshot in the test's output folder (attached to the test result).
/// </summary>
public abstract class BrowserTest
{
    /// <summary>The longest any one step (navigation, click, expectation) may take.</summary>
    public static readonly TimeSpan StepTimeout = TimeSpan.FromSeconds(10);

    private readonly System.Collections.Concurrent.ConcurrentQueue<string> _browserErrors = new();
    private IBrowserContext? _context;
    private IPage? _page;
    private Citizen? _citizen;

    /// <summary>The federation under test.</summary>
    protected static DevFederation Federation => EndToEndSetup.Federation;

    /// <summary>This test's page.</summary>
    protected IPage Page => _page ?? throw new InvalidOperationException("No page: SetUp has not run.");

    /// <summary>This test's browser context.</summary>
    protected IBrowserContext Context => _context ?? throw new InvalidOperationException("No context: SetUp has not run.");

    /// <summary>The citizen driving this test's page through the federation.</summary>
    protected Citizen Citizen => _citizen ?? throw new InvalidOperationException("No citizen: SetUp has not run.");

    /// <summary>Whether this test's context runs the pages' JavaScript (the pages must work either way).</summary>
    protected virtual bool JavaScriptEnabled => true;

    /// <summary>The language the citizen reads the hub's pages in (the pages must be whole in either).</summary>
    protected virtual PageLanguage Language => PageLanguage.English;

    [SetUp]
    public async Task OpenContextAsync()
    {
        Assertions.SetDefaultExpectTimeout((float)StepTimeout.TotalMilliseconds);
        _context = await EndToEndSetup.Browser.NewContextAsync(new()
        {
            JavaScriptEnabled = JavaScriptEnabled,
            Locale = "en-GB",
            ViewportSize = new() { Width = 1024, Height = 768 },
        }).ConfigureAwait(false);
        _context.SetDefaultTimeout((float)StepTimeout.TotalMilliseconds);
        _context.SetDefaultNavigationTimeout((float)StepTimeout.TotalMilliseconds);
        // DOM snapshots per action, but no screencast (it encodes a frame image continuously, which costs more CPU
        // than the journey itself on a 2-core machine); the screenshot on failure shows the last page.
        await _context.Tracing.StartAsync(new() { Screenshots = false, Snapshots = true, Title = TestContext.CurrentContext.Test.FullName })
            .ConfigureAwait(false);
        _page = await _context.NewPageAsync().ConfigureAwait(false);

        // What the browser refused (a CSP directive, a blocked request) explains most failures: kept for the report.
        _browserErrors.Clear();
        _page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                _browserErrors.Enqueue($"console: {message.Text.Trim()}");
            }
        };
        _page.RequestFailed += (_, request) => _browserErrors.Enqueue($"request failed: {request.Method} {request.Url} {request.Failure}");
        _citizen = new Citizen(_page, Federation, JavaScriptEnabled, Language);
    }

    [TearDown]
    public async Task CloseContextAsync()
    {
        if (_context is null)
        {
            return;
        }

        var failed = TestContext.CurrentContext.Result.Outcome.Status == NUnit.Framework.Interfaces.TestStatus.Failed;
        var accessibility = _citizen?.AccessibilityFailures ?? [];
        try
        {
            if (failed)
            {
                if (!_browserErrors.IsEmpty)
                {
                    await TestContext.Out.WriteLineAsync("What the browser reported:" + Environment.NewLine + string.Join(Environment.NewLine, _browserErrors))
                        .ConfigureAwait(false);
                }

                var folder = Path.Combine(TestContext.CurrentContext.WorkDirectory, "e2e-failures");
                Directory.CreateDirectory(folder);
                var stem = Path.Combine(folder, Sanitise(TestContext.CurrentContext.Test.Name));
                if (_page is { IsClosed: false })
                {
                    await _page.ScreenshotAsync(new() { Path = stem + ".png", FullPage = true, Timeout = 5_000 }).ConfigureAwait(false);
                    TestContext.AddTestAttachment(stem + ".png", "the page when the test failed");
                }

                await _context.Tracing.StopAsync(new() { Path = stem + ".trace.zip" }).ConfigureAwait(false);
                TestContext.AddTestAttachment(stem + ".trace.zip", "Playwright trace: pwsh bin/.../playwright.ps1 show-trace <file>");
            }
            else
            {
                await _context.Tracing.StopAsync().ConfigureAwait(false);
            }
        }
        finally
        {
            await _context.CloseAsync().ConfigureAwait(false);
            _context = null;
            _page = null;
            _citizen = null;
        }

        // The journey itself passed (or its failure is the news): now the hub pages it went through.
        var report = string.Join(Environment.NewLine, accessibility.Distinct());
        if (failed && report.Length > 0)
        {
            await TestContext.Out.WriteLineAsync(report).ConfigureAwait(false);
        }
        else if (report.Length > 0)
        {
            Assert.Fail(report);
        }
    }

    private static string Sanitise(string name) =>
        string.Concat(name.Select(c => char.IsLetterOrDigit(c) || c is '-' or '_' ? c : '_'));
}
