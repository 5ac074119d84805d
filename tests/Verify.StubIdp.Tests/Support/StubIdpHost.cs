using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;

using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Time.Testing;

using Verify.Testing;
using Verify.Web.Hosting;

namespace Verify.StubIdp.Tests.Support;

/// <summary>
/// The stub IDP running for real: Kestrel on a free loopback port, HTTPS with the certs-sample TLS certificate, at
/// <c>https://idp.test:{port}/</c>. <see cref="NewClient"/> gives a browser-like client: it keeps cookies, does not
/// follow redirects (tests follow them), connects every host name to 127.0.0.1 and trusts only the sample root.
/// </summary>
internal sealed class StubIdpHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private StubIdpHost(WebApplication app, StubIdpOptions options, FakeTimeProvider clock, Uri baseUrl)
    {
        _app = app;
        Options = options;
        Clock = clock;
        BaseUrl = baseUrl;
    }

    public StubIdpOptions Options { get; }

    public FakeTimeProvider Clock { get; }

    public Uri BaseUrl { get; }

    public static async Task<StubIdpHost> StartAsync(Func<StubIdpOptions, StubIdpOptions>? configure = null)
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var options = SampleHub.StubOptions(clock);
        options = configure?.Invoke(options) ?? options;
        var baseUrl = new Uri($"https://idp.test:{FreePort()}/");
        var app = StubIdpApp.Build(options, new WebAppEndpoint(baseUrl, SampleCerts.CertificateWithKey("tls")));
        await app.StartAsync();
        return new StubIdpHost(app, options, clock, baseUrl);
    }

    public string SsoUrl(string slug) => new Uri(BaseUrl, $"{slug}/SAML2/SSO").AbsoluteUri;

    public Uri Url(string relative) => new(BaseUrl, relative.TrimStart('/'));

    public HttpClient NewClient()
    {
        var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            UseCookies = true,
            CookieContainer = new CookieContainer(),
            ConnectCallback = async (context, cancellationToken) =>
            {
                var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                try
                {
                    await socket.ConnectAsync(new IPEndPoint(IPAddress.Loopback, context.DnsEndPoint.Port), cancellationToken);
                    return new NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            },
            SslOptions = new SslClientAuthenticationOptions { RemoteCertificateValidationCallback = TrustSampleRoot },
        };
        return new HttpClient(handler) { BaseAddress = BaseUrl };
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    // The host name must match the certificate; the chain must end at the certs-sample root (tls-ca in between).
    private static bool TrustSampleRoot(object sender, X509Certificate? certificate, X509Chain? chain, SslPolicyErrors errors)
    {
        if (certificate is null || (errors & (SslPolicyErrors.RemoteCertificateNameMismatch | SslPolicyErrors.RemoteCertificateNotAvailable)) != 0)
        {
            return false;
        }

        using var custom = new X509Chain();
        custom.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        custom.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        custom.ChainPolicy.CustomTrustStore.Add(SampleCerts.Certificate("root-ca"));
        custom.ChainPolicy.ExtraStore.Add(SampleCerts.Certificate("tls-ca"));
        using var leaf = X509CertificateLoader.LoadCertificate(certificate.GetRawCertData());
        return custom.Build(leaf);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
