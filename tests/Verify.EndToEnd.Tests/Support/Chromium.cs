using Microsoft.Playwright;

namespace Verify.EndToEnd.Tests.Support;

/// <summary>
/// Debian's Chromium (<c>/usr/bin/chromium</c>, installed by <c>test.sh</c>) driven by Playwright; Playwright never
/// downloads a browser of its own here (<c>PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1</c>). Flags per INTEROP.md.
/// </summary>
internal static class Chromium
{
    /// <summary>Where Debian installs it; <c>VERIFY_CHROMIUM</c> overrides it.</summary>
    public static string ExecutablePath =>
        Environment.GetEnvironmentVariable("VERIFY_CHROMIUM") is { Length: > 0 } path ? path : "/usr/bin/chromium";

    /// <summary>The hosts the federation serves, mapped to loopback inside the browser (no /etc/hosts needed).</summary>
    public static IReadOnlyList<string> FederationHosts { get; } = ["hub.test", "idp.test", "rp.test"];

    /// <summary>Launches a headless browser that resolves the federation's hosts and trusts only its TLS key.</summary>
    public static Task<IBrowser> LaunchAsync(IPlaywright playwright)
    {
        ArgumentNullException.ThrowIfNull(playwright);
        if (!File.Exists(ExecutablePath))
        {
            throw new FileNotFoundException(
                $"Chromium is not installed at {ExecutablePath}: run ./test.sh (it installs Debian's chromium) or apt-get install chromium.");
        }

        return playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = ExecutablePath,
            Headless = true,
            Timeout = 30_000,
            Args =
            [
                // Root cannot use Chromium's sandbox (CI runs as root).
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--host-resolver-rules=" + string.Join(',', FederationHosts.Select(h => $"MAP {h} 127.0.0.1")),
                "--ignore-certificate-errors-spki-list=" + SampleTlsTrust.SpkiSha256Base64,
            ],
        });
    }
}
