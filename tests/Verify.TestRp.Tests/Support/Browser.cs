using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;

using Verify.Testing;

namespace Verify.TestRp.Tests.Support;

/// <summary>
/// A cookie-keeping HTTP client that behaves like a browser without JavaScript: it does not follow redirects (tests
/// look at each step), it trusts only the certs-sample TLS root, and it connects every <c>rp.test</c> request to
/// 127.0.0.1. It never connects anywhere else.
/// </summary>
internal sealed class Browser : IDisposable
{
    private readonly HttpClient _client;

    public Browser(Uri baseUrl)
    {
        BaseUrl = baseUrl;
        var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            UseCookies = true,
            CookieContainer = Cookies,
            ConnectCallback = async (context, cancellationToken) =>
            {
                if (!string.Equals(context.DnsEndPoint.Host, baseUrl.Host, StringComparison.OrdinalIgnoreCase))
                {
                    throw new HttpRequestException($"The test browser only goes to {baseUrl.Host}.");
                }

                var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                try
                {
                    await socket.ConnectAsync(IPAddress.Loopback, context.DnsEndPoint.Port, cancellationToken);
                    return new NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            },
            SslOptions = new SslClientAuthenticationOptions { RemoteCertificateValidationCallback = TrustSampleTlsRoot },
        };
        _client = new HttpClient(handler) { BaseAddress = baseUrl };
    }

    public Uri BaseUrl { get; }

    public CookieContainer Cookies { get; } = new();

    public Task<HttpResponseMessage> GetAsync(string path) => _client.GetAsync(new Uri(path, UriKind.Relative));

    public async Task<HttpResponseMessage> PostFormAsync(string path, IEnumerable<KeyValuePair<string, string>> fields)
    {
        using var content = new FormUrlEncodedContent(fields);
        return await _client.PostAsync(new Uri(path, UriKind.Relative), content);
    }

    /// <summary>The request cookie this browser holds for the ACS, or null.</summary>
    public Cookie? RequestCookie =>
        Cookies.GetCookies(new Uri(BaseUrl, TestRpPaths.Acs)).FirstOrDefault(c => c.Name == "verify-testrp-request");

    /// <summary>Puts a request cookie in the jar, as a browser that kept (or was given) one would send it.</summary>
    public void SetRequestCookie(string value) =>
        Cookies.Add(new Uri(BaseUrl, TestRpPaths.Acs), new Cookie("verify-testrp-request", value, TestRpPaths.Acs) { Secure = true, HttpOnly = true });

    public void Dispose() => _client.Dispose();

    private static bool TrustSampleTlsRoot(object sender, X509Certificate? certificate, X509Chain? chain, SslPolicyErrors errors)
    {
        if (certificate is not X509Certificate2 server || (errors & ~SslPolicyErrors.RemoteCertificateChainErrors) != SslPolicyErrors.None)
        {
            return false;
        }

        // Only the certs-sample root is trusted (the machine's roots are not): tls.crt chains to it through tls-ca.
        using var sampleChain = new X509Chain();
        sampleChain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        sampleChain.ChainPolicy.CustomTrustStore.Add(SampleCerts.Certificate("root-ca"));
        sampleChain.ChainPolicy.ExtraStore.Add(SampleCerts.Certificate("tls-ca"));
        sampleChain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        return sampleChain.Build(server);
    }
}
