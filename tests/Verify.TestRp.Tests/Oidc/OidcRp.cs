using System.Net;
using System.Web;

using Microsoft.Extensions.Time.Testing;

using Verify.Saml.Saml;
using Verify.Testing;
using Verify.TestRp.Oidc;
using Verify.TestRp.Tests.Support;
using Verify.Web.Hosting;

namespace Verify.TestRp.Tests.Oidc;

/// <summary>
/// The test RP with its OIDC registration, running for real over HTTPS as <c>rp.test</c>, its back channel answered by
/// a <see cref="FakeHub"/>; and the citizen's first step (the start page's button), read from the redirect.
/// </summary>
internal sealed class OidcRp : IAsyncDisposable
{
    public const string ClientId = "https://rp.test/oidc";

    /// <summary>A second registration of the same service (as start-dev's, registered with a matching service).</summary>
    public const string MatchingKey = "oidc-matching";

    /// <summary>Its client ID.</summary>
    public const string MatchingClientId = "https://rp.test/oidc-matching";

    private readonly Microsoft.AspNetCore.Builder.WebApplication _app;

    private OidcRp(Microsoft.AspNetCore.Builder.WebApplication app, Uri baseUrl, FakeHub hub)
    {
        _app = app;
        BaseUrl = baseUrl;
        Hub = hub;
    }

    public Uri BaseUrl { get; }

    public FakeHub Hub { get; }

    public static async Task<OidcRp> StartAsync()
    {
        var hub = new FakeHub(ClientId);
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var baseOptions = TestRpServer.SampleOptions(clock);
        var options = new TestRpOptions
        {
            HubEntityId = baseOptions.HubEntityId,
            HubSsoUrl = baseOptions.HubSsoUrl,
            HubSigningCertificates = baseOptions.HubSigningCertificates,
            SigningCredential = baseOptions.SigningCredential,
            DecryptionKeys = baseOptions.DecryptionKeys,
            TimeProvider = clock,
            OidcClients =
            [
                new TestRpOidcOptions
                {
                    ClientId = ClientId,
                    Issuer = FakeHub.Issuer,
                    ClientAssertionCertificate = SampleCerts.CertificateWithKey("test-rp-signing"),
                    RequestedLevels = [AuthnContexts.Level2],
                    SignOut = true,
                    Backchannel = () => hub,
                },
                new TestRpOidcOptions
                {
                    Key = MatchingKey,
                    ClientId = MatchingClientId,
                    DisplayName = "Test service with matching, OpenID Connect",
                    Issuer = FakeHub.Issuer,
                    ClientAssertionCertificate = SampleCerts.CertificateWithKey("test-rp-signing"),
                    RequestedLevels = [AuthnContexts.Level2],
                    Backchannel = () => hub,
                },
            ],
        };
        var baseUrl = new Uri($"https://rp.test:{FreePort()}/");
        var app = TestRpApp.Build(options, new WebAppEndpoint(baseUrl, SampleCerts.CertificateWithKey("tls")), "Development");
        await app.StartAsync();
        return new OidcRp(app, baseUrl, hub);
    }

    public Browser NewBrowser() => new(BaseUrl);

    /// <summary>Start page → "Prove your identity" with an OIDC registration; the authorization request's parameters.</summary>
    public async Task<System.Collections.Specialized.NameValueCollection> StartAsync(Browser browser, string service = "oidc")
    {
        using var startPage = await browser.GetAsync(TestRpPaths.Start + "?service=" + service);
        var token = Html.InputValue(await startPage.Content.ReadAsStringAsync(), "__RequestVerificationToken")
            ?? throw new AssertionException("The start page has no antiforgery token.");
        using var response = await browser.PostFormAsync(TestRpPaths.StartJourney, new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            [TestRpPaths.ServiceField] = service,
        });
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Redirect), await response.Content.ReadAsStringAsync());
        var location = response.Headers.Location ?? throw new AssertionException("No Location.");
        Assert.That(location.GetLeftPart(UriPartial.Path), Is.EqualTo(new Uri(FakeHub.Issuer, "connect/authorize").AbsoluteUri));
        var query = HttpUtility.ParseQueryString(location.Query);
        Hub.Nonce = query["nonce"];
        Hub.Reset(audience: query["client_id"]);
        return query;
    }

    /// <summary>The browser arriving at the redirect URI with <paramref name="query"/> (the hub's redirect).</summary>
    public static async Task<(HttpStatusCode Status, string Html)> CallbackAsync(Browser browser, string query)
    {
        using var response = await browser.GetAsync(TestRpPaths.OidcCallback + "?" + query);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    /// <summary>A successful authorization response for <paramref name="state"/>: a code, the state and RFC 9207 iss.</summary>
    public static string CodeResponse(string state) =>
        $"code=code-1&state={Uri.EscapeDataString(state)}&iss={Uri.EscapeDataString(FakeHub.Issuer.AbsoluteUri)}";

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
