using System.ComponentModel;
using System.Diagnostics;
using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Text.Json;

using Microsoft.Extensions.DependencyInjection;

using Verify.Hub.Directory;
using Verify.Hub.Journey.Assurance;
using Verify.Hub.Oidc.Client;
using Verify.Hub.Tests.Support;
using Verify.Saml.Trust;
using Verify.Testing;

namespace Verify.Hub.Tests.Oidc.Client.Interop;

/// <summary>
/// oidc-provider (npm, an OpenID-certified provider) as an upstream IDP of the hub, through
/// <c>tests/interop/oidc-provider/provider.mjs</c>: HTTPS on localhost with the certs-sample TLS certificate, the hub
/// registered as its client with the JWKS the hub publishes. A missing node/npm fails the test (./test.sh installs them).
/// </summary>
internal sealed class OidcProviderPeer : IAsyncDisposable
{
    public const string ClientId = "https://hub.test/oidc";
    public const string Subject = "oidc-provider-subject-0001";
    private const string NotInstalled = "node and npm are needed for the oidc-provider interop test: run ./test.sh, which installs them.";
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(20);
    private static readonly SemaphoreSlim InstallLock = new(1, 1);

    private readonly Process _process;
    private readonly string _jwksFile;

    private OidcProviderPeer(Process process, string jwksFile, string issuer)
    {
        _process = process;
        _jwksFile = jwksFile;
        Issuer = issuer;
        Browser = new HttpClient(new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            UseCookies = true,
            CookieContainer = new CookieContainer(),
            SslOptions = new SslClientAuthenticationOptions { RemoteCertificateValidationCallback = HubHarness.TrustsSampleTls },
        });
    }

    public static string Folder => RepoPaths.Combine("tests", "interop", "oidc-provider");

    public string Issuer { get; }

    /// <summary>The citizen's browser at the provider.</summary>
    public HttpClient Browser { get; }

    /// <summary>Starts oidc-provider for <paramref name="hub"/>: it answers every authorization with <paramref name="outcome"/> (success or cancel).</summary>
    public static async Task<OidcProviderPeer> StartAsync(HubHarness hub, string acr, string outcome = "success")
    {
        await EnsureInstalledAsync();
        var jwksFile = Path.Combine(Path.GetTempPath(), "verify-hub-jwks-" + Guid.NewGuid().ToString("N") + ".json");
        await File.WriteAllTextAsync(jwksFile, JsonSerializer.Serialize(hub.Services.GetRequiredService<HubClientJwks>().Document));
        var startInfo = new ProcessStartInfo("node")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Folder,
        };
        foreach (var argument in (string[])[
            "provider.mjs", "--port", FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--client-id", ClientId, "--redirect-uri", new Uri(hub.BaseUrl, "oidc/client/callback").AbsoluteUri, "--hub-jwks", jwksFile,
            "--tls-key", SampleCerts.KeyPath("tls"), "--tls-cert", RepoPaths.Combine("certs-sample", "tls-chain.pem"), "--acr", acr, "--outcome", outcome])
        {
            startInfo.ArgumentList.Add(argument);
        }

        Process process;
        try
        {
            process = Process.Start(startInfo) ?? throw new InvalidOperationException("node did not start.");
        }
        catch (Win32Exception ex)
        {
            Assert.Fail($"{NotInstalled} ({ex.Message})");
            throw;
        }

        var stderr = process.StandardError.ReadToEndAsync();
        var line = await process.StandardOutput.ReadLineAsync().WaitAsync(StartTimeout);
        if (line is null)
        {
            Assert.Fail("oidc-provider did not start: " + await stderr);
        }

        _ = stderr.ContinueWith(t => TestContext.Progress.WriteLine("oidc-provider: " + t.Result), TaskScheduler.Default);
        return new OidcProviderPeer(process, jwksFile, JsonDocument.Parse(line!).RootElement.GetProperty("issuer").GetString()!);
    }

    /// <summary>The provider as the hub directory registers it: by issuer, its keys from its discovery document.</summary>
    public HubIdentityProvider Registration() => new()
    {
        EntityId = Issuer,
        DisplayName = "oidc-provider IDP",
        CertifiedLevels = LevelOfAssuranceSet.Of(LevelOfAssurance.Level1, LevelOfAssurance.Level2),
        Trust = new PartyTrust { PartyId = Issuer, Role = PartyRole.IdentityProvider, Kind = TrustKind.Pinned, Certificates = [] },
        Oidc = new HubOidcIdentityProvider { Issuer = Issuer, ClientId = ClientId },
    };

    /// <summary>Follows the provider's redirects from the authorization request until it sends the browser back to <paramref name="hub"/>.</summary>
    public async Task<Uri> AnswerAsync(Uri authorizationRequest, Uri hub)
    {
        var next = authorizationRequest;
        for (var hop = 0; hop < 10; hop++)
        {
            using var response = await Browser.GetAsync(next);
            Assert.That((int)response.StatusCode, Is.InRange(300, 399), $"{next}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            next = new Uri(next, response.Headers.Location!);
            if (next.AbsoluteUri.StartsWith(hub.AbsoluteUri, StringComparison.Ordinal))
            {
                return next;
            }
        }

        Assert.Fail("oidc-provider did not send the browser back to the hub.");
        return next;
    }

    public async ValueTask DisposeAsync()
    {
        Browser.Dispose();
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
        File.Delete(_jwksFile);
    }

    private static async Task EnsureInstalledAsync()
    {
        await InstallLock.WaitAsync();
        try
        {
            if (File.Exists(Path.Combine(Folder, "node_modules", "oidc-provider", "package.json")))
            {
                return;
            }

            ProcessResult result;
            try
            {
                result = ExternalProcess.Run("npm", ["ci", "--no-audit", "--no-fund", "--prefer-offline"], Folder, TimeSpan.FromMinutes(5));
            }
            catch (Win32Exception ex)
            {
                Assert.Fail($"{NotInstalled} ({ex.Message})");
                throw;
            }

            Assert.That(result.ExitCode, Is.Zero, "npm ci in " + Folder + ": " + result);
        }
        finally
        {
            InstallLock.Release();
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
