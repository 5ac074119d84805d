using System.Net;
using System.Net.Sockets;

using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Time.Testing;

using Verify.Saml.Xml;
using Verify.Saml.Xml.Encryption;
using Verify.Testing;
using Verify.Web.Hosting;

namespace Verify.TestRp.Tests.Support;

/// <summary>
/// The test RP running for real: Kestrel on a free loopback port, over HTTPS with the certs-sample TLS certificate,
/// reached as <c>https://rp.test:{port}/</c> (the browser's connections are routed to 127.0.0.1). The clock is fake.
/// </summary>
internal sealed class TestRpServer : IAsyncDisposable
{
    public const string HubEntityId = "https://hub.test";

    public static readonly Uri HubSsoUrl = new("https://hub.test/SAML2/SSO");

    private readonly WebApplication _app;

    private TestRpServer(WebApplication app, TestRpOptions options, FakeTimeProvider clock, Uri baseUrl)
    {
        _app = app;
        Options = options;
        Clock = clock;
        BaseUrl = baseUrl;
    }

    public TestRpOptions Options { get; }

    public FakeTimeProvider Clock { get; }

    /// <summary>The public base URL, <c>https://rp.test:{port}/</c>.</summary>
    public Uri BaseUrl { get; }

    public string AcsUrl => new Uri(BaseUrl, TestRpPaths.Acs).AbsoluteUri;

    /// <summary>Options as <c>verify start-dev</c> would give them, with sample keys; <paramref name="change"/> alters them.</summary>
    public static TestRpOptions SampleOptions(FakeTimeProvider clock, Func<TestRpOptions, TestRpOptions>? change = null)
    {
        var options = new TestRpOptions
        {
            HubEntityId = HubEntityId,
            HubSsoUrl = HubSsoUrl,
            HubSigningCertificates = [SampleCerts.Certificate("hub-signing")],
            SigningCredential = SigningCredential.FromCertificate(SampleCerts.CertificateWithKey("test-rp-signing")),
            DecryptionKeys = [DecryptionKey.FromCertificate(SampleCerts.CertificateWithKey("test-rp-encryption"))],
            TimeProvider = clock,
        };
        return change is null ? options : change(options);
    }

    public static async Task<TestRpServer> StartAsync(Func<TestRpOptions, TestRpOptions>? change = null)
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var options = SampleOptions(clock, change);
        var baseUrl = new Uri($"https://rp.test:{FreePort()}/");
        var app = TestRpApp.Build(options, new WebAppEndpoint(baseUrl, SampleCerts.CertificateWithKey("tls")), "Development");
        await app.StartAsync();
        return new TestRpServer(app, options, clock, baseUrl);
    }

    /// <summary>A new browser: its own cookies, routed to this server.</summary>
    public Browser NewBrowser() => new(BaseUrl);

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        Options.SigningCredential.Dispose();
        foreach (var key in Options.DecryptionKeys)
        {
            key.Dispose();
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
