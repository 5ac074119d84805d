using System.Net;
using System.Net.Sockets;

using Verify.Hub.Limits;
using Verify.Hub.Tests.Support;
using Verify.Testing.Web;

namespace Verify.Hub.Tests;

/// <summary>
/// A hub node behind a TLS-terminating load balancer (ADR 0014): it listens in plain http, treats requests as https
/// (secure cookies, antiforgery), and counts rate limits per citizen from the balancer's X-Forwarded-For, believed only
/// from the balancer's own address.
/// </summary>
public sealed class ProxyTests
{
    [Test]
    public async Task BehindATlsProxy_TheJourneyGoesThroughItsForms_WithSecureCookies()
    {
        await using var hub = await HubHarness.StartAsync(behindTlsProxy: true);
        using var browser = Browser(hub, "203.0.113.10", out var jar);

        var sso = await RpMessages.PostAsync(browser, hub, RpMessages.Signed(RpMessages.Request(hub)));
        var start = await browser.FollowAsync(sso);
        var intent = await browser.SubmitAsync(start, set: ("Intent", "sign-in"));
        var choose = await browser.FollowAsync(intent);

        Assert.That(choose.StatusCode, Is.EqualTo(HttpStatusCode.OK), await choose.Content.ReadAsStringAsync());
        Assert.That(Html.Parse(await choose.Content.ReadAsStringAsync()).QuerySelector("input[name=Idp]"), Is.Not.Null);
        Assert.That(jar.GetAllCookies().Where(c => c.Name.StartsWith("verify-", StringComparison.Ordinal)), Is.Not.Empty.And.All.Matches<Cookie>(c => c.Secure));
    }

    [Test]
    public async Task BehindATlsProxy_RateLimitsCountEachForwardedCitizen_NotTheProxy()
    {
        await using var hub = await HubHarness.StartAsync(limits: new RateLimitOptions { PerClient = 2 }, behindTlsProxy: true);
        using var first = Browser(hub, "203.0.113.10", out _);
        using var second = Browser(hub, "203.0.113.11", out _);

        for (var i = 0; i < 2; i++)
        {
            Assert.That((await RpMessages.PostAsync(first, hub, RpMessages.Signed(RpMessages.Request(hub)))).StatusCode, Is.EqualTo(HttpStatusCode.Found));
        }

        Assert.That((await RpMessages.PostAsync(first, hub, RpMessages.Signed(RpMessages.Request(hub)))).StatusCode, Is.EqualTo(HttpStatusCode.TooManyRequests));
        Assert.That((await RpMessages.PostAsync(second, hub, RpMessages.Signed(RpMessages.Request(hub)))).StatusCode, Is.EqualTo(HttpStatusCode.Found));
    }

    [Test]
    public async Task XForwardedFor_FromAnyoneButTheProxy_IsIgnored()
    {
        await using var hub = await HubHarness.StartAsync(limits: new RateLimitOptions { PerClient = 2 });
        using var direct = hub.NewClient(new CookieContainer());

        // A client on its own (not the proxy) cannot pick a fresh partition per request by forging the header.
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, hub.SsoUrl);
            request.Headers.Add("X-Forwarded-For", $"198.51.100.{i}");
            statuses.Add((await direct.SendAsync(request)).StatusCode);
        }

        Assert.That(statuses[^1], Is.EqualTo(HttpStatusCode.TooManyRequests));
    }

    /// <summary>
    /// A browser whose requests reach the node as the balancer sends them: plain http from the balancer's address, with
    /// X-Forwarded-Proto and the citizen's address in X-Forwarded-For; cookies kept against the https URLs it sees.
    /// </summary>
    private static HttpClient Browser(HubHarness hub, string citizenAddress, out CookieContainer jar)
    {
        jar = new CookieContainer();
        var sockets = new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            UseCookies = false,
            ConnectCallback = async (_, cancellationToken) =>
            {
                var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                socket.Bind(new IPEndPoint(HubHarness.ClientAddress, 0));
                await socket.ConnectAsync(IPAddress.Loopback, hub.BaseUrl.Port, cancellationToken);
                return new NetworkStream(socket, ownsSocket: true);
            },
        };
        return new HttpClient(new BalancerHandler(jar, citizenAddress, sockets)) { BaseAddress = hub.BaseUrl };
    }

    private sealed class BalancerHandler(CookieContainer jar, string citizenAddress, HttpMessageHandler inner) : DelegatingHandler(inner)
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var seen = request.RequestUri!;
            if (jar.GetCookieHeader(seen) is { Length: > 0 } cookies)
            {
                request.Headers.Add("Cookie", cookies);
            }

            request.RequestUri = new UriBuilder(seen) { Scheme = Uri.UriSchemeHttp }.Uri;
            request.Headers.Add("X-Forwarded-Proto", "https");
            request.Headers.Add("X-Forwarded-For", citizenAddress);
            var response = await base.SendAsync(request, cancellationToken);
            response.RequestMessage!.RequestUri = seen;
            if (response.Headers.TryGetValues("Set-Cookie", out var set))
            {
                foreach (var cookie in set)
                {
                    jar.SetCookies(seen, cookie);
                }
            }

            return response;
        }
    }
}
