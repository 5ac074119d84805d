using Microsoft.Playwright;

using Verify.Cli.StartDev;
using Verify.EndToEnd.Tests.Matching;
using Verify.EndToEnd.Tests.Support;
using Verify.Testing;

namespace Verify.EndToEnd.Tests;

/// <summary>
/// Once for every test in this assembly: the whole development federation (<c>verify start-dev</c>'s composition: hub,
/// stub IDP and test RP on free loopback ports, over HTTPS as <c>hub.test</c>, <c>idp.test</c> and <c>rp.test</c>, with
/// its own temporary SQLite file), the Playwright driver and one headless Chromium. Each test then gets a fresh browser
/// context (<see cref="BrowserTest"/>), so no cookie or cache crosses tests.
/// </summary>
[SetUpFixture]
public sealed class EndToEndSetup
{
    private static DevFederation? _federation;
    private static IPlaywright? _playwright;
    private static IBrowser? _browser;
    private static readonly AdjustableClock FederationClock = new();
    private string? _databasePath;

    /// <summary>The running federation.</summary>
    internal static DevFederation Federation => _federation ?? throw new InvalidOperationException("The federation has not started.");

    /// <summary>The clock every app of the federation reads (tests move it forward, never back).</summary>
    internal static AdjustableClock Clock => FederationClock;

    /// <summary>The shared browser.</summary>
    internal static IBrowser Browser => _browser ?? throw new InvalidOperationException("The browser has not started.");

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        // Playwright must never try to fetch a browser build: only Debian's chromium is used (test.sh exports it too).
        Environment.SetEnvironmentVariable("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
        _databasePath = Path.Combine(Path.GetTempPath(), $"verify-e2e-{Guid.NewGuid():N}.db");
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        _federation = await DevFederation.StartAsync(
            new DevFederationOptions
            {
                ConfigDirectory = RepoPaths.Combine("config"),
                CertsDirectory = RepoPaths.CertsSample,
                DatabasePath = _databasePath,
                HubPort = 0,
                IdpPort = 0,
                RpPort = 0,
                MsPort = 0,
                TimeProvider = FederationClock,

                // The matching service's engine, with a switch a test can make it hang with.
                MatchingLogic = MatchingHang.Wrap,
            },
            timeout.Token).ConfigureAwait(false);
        _playwright = await Playwright.CreateAsync().ConfigureAwait(false);
        _browser = await Chromium.LaunchAsync(_playwright).ConfigureAwait(false);
        TestContext.Progress.WriteLine(
            $"End-to-end: hub {_federation.HubUrl}, stub IDP {_federation.StubIdpUrl}, test RP {_federation.TestRpUrl}, chromium {_browser.Version}");
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        if (_browser is not null)
        {
            await _browser.CloseAsync().ConfigureAwait(false);
            _browser = null;
        }

        _playwright?.Dispose();
        _playwright = null;
        if (_federation is not null)
        {
            await _federation.DisposeAsync().ConfigureAwait(false);
            _federation = null;
        }

        if (_databasePath is not null)
        {
            // start-dev keeps the pairwise secret beside the database.
            foreach (var file in new[] { _databasePath, _databasePath + "-wal", _databasePath + "-shm", _databasePath + ".secret" })
            {
                File.Delete(file);
            }
        }
    }
}
