using System.Collections.Concurrent;
using System.Net;

using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Playwright;

using Verify.EndToEnd.Tests.Support;
using Verify.Testing;

namespace Verify.EndToEnd.Tests;

/// <summary>
/// The security rules of ARCHITECTURE.md as a real browser applies them: the journey cookie survives the IDP's
/// cross-site POST, no page tells the IDP which service the citizen came from, and no hub page can be framed.
/// </summary>
public sealed class BrowserSecurityTests : BrowserTest
{
    [Test]
    public async Task EveryHubDocument_CarriesNoReferrer_AndFrameAncestorsNone_AndTheIdpIsSentNoReferer()
    {
        var hubDocuments = new ConcurrentQueue<IResponse>();
        var idpRequests = new ConcurrentQueue<IRequest>();
        Page.Response += (_, response) =>
        {
            if (response.Request.ResourceType == "document" && response.Url.StartsWith(Federation.HubUrl.AbsoluteUri, StringComparison.Ordinal))
            {
                hubDocuments.Enqueue(response);
            }
        };
        Page.Request += (_, request) =>
        {
            if (request.ResourceType == "document" && request.Url.StartsWith(Federation.StubIdpUrl.AbsoluteUri, StringComparison.Ordinal))
            {
                idpRequests.Enqueue(request);
            }
        };

        await Citizen.StartAtServiceAsync();
        await Citizen.AnswerStartAsync(Intent.Register);
        await Citizen.ChooseCompanyAsync("Stub IDP One");
        await Citizen.AnswerAtIdpAsync("Sign in at LEVEL_2", "David Singh");
        await Citizen.PassThroughHubToServiceAsync();

        // SSO (from the RP), start, choose (GET and POST), ACS: at least five hub documents.
        Assert.That(hubDocuments, Has.Count.GreaterThanOrEqualTo(5), "hub documents seen");
        using (Assert.EnterMultipleScope())
        {
            foreach (var response in hubDocuments)
            {
                var headers = await response.AllHeadersAsync();
                var where = $"{response.Request.Method} {response.Url} ({response.Status})";
                Assert.That(headers.GetValueOrDefault("referrer-policy"), Is.EqualTo("no-referrer"), where);
                Assert.That(headers.GetValueOrDefault("content-security-policy"), Does.Contain("frame-ancestors 'none'"), where);
            }

            // What the policy is for: the hub's POST to the IDP carries no Referer naming the hub page (and so nothing
            // about the service); the browser enforces it, not the hub.
            Assert.That(idpRequests, Is.Not.Empty, "requests to the IDP");
            foreach (var request in idpRequests)
            {
                var headers = await request.AllHeadersAsync();
                Assert.That(headers.ContainsKey("referer"), Is.False, $"{request.Method} {request.Url} sent Referer {headers.GetValueOrDefault("referer")}");
            }
        }
    }

    [Test]
    public async Task TheJourneyCookie_ForTheIdpsCrossSitePost_IsSameSiteNoneAndSecure_AndScopedToTheAcs()
    {
        await Citizen.StartAtServiceAsync();
        await Citizen.AnswerStartAsync(Intent.Register);
        await Citizen.ChooseCompanyAsync("Stub IDP One");

        // Sitting on idp.test now: the browser holds the hub's cookies as it will send them with the IDP's answer.
        var hubCookies = await Context.CookiesAsync([Federation.HubUrl.AbsoluteUri + "SAML2/ACS"]);
        var acsCookies = hubCookies.Where(c => c.Path == "/SAML2/ACS").ToList();
        Assert.That(acsCookies, Has.Count.EqualTo(1), "one journey cookie scoped to the ACS: " + string.Join(", ", hubCookies.Select(c => $"{c.Name} {c.Path} {c.SameSite}")));
        using (Assert.EnterMultipleScope())
        {
            Assert.That(acsCookies[0].SameSite, Is.EqualTo(SameSiteAttribute.None));
            Assert.That(acsCookies[0].Secure, Is.True);
            Assert.That(acsCookies[0].HttpOnly, Is.True);
        }

        // And it works: the cross-site POST from idp.test finds the journey (the hub would otherwise show "We cannot
        // find your session").
        await Citizen.AnswerAtIdpAsync("Sign in at LEVEL_2", "David Singh");
        var outcome = await Citizen.PassThroughHubToServiceAsync();

        Assert.That(outcome.Proved, Is.True);
    }

    [Test]
    public async Task TheBrowser_TrustsTheSampleTlsKeyOnly_NotEveryCertificate()
    {
        // The same host name as the stub IDP, served with another key (a sample signing certificate, issued by the
        // sample idp-ca): Chromium must refuse it, or the TLS pin would be "ignore every certificate error".
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel =>
            kestrel.Listen(IPAddress.Loopback, 0, listen => listen.UseHttps(SampleCerts.CertificateWithKey("stub-idp-signing"))));
        await using var impostor = builder.Build();
        impostor.MapGet("/", () => "not the federation");
        await impostor.StartAsync();
        var port = new Uri(impostor.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First()).Port;

        var refused = Assert.ThrowsAsync<PlaywrightException>(() => Page.GotoAsync($"https://{Federation.StubIdpUrl.Host}:{port}/"));

        Assert.That(refused!.Message, Does.Contain("net::ERR_CERT_"));
        await impostor.StopAsync();
    }

    [Test]
    public async Task AHubPage_CannotBeFramed()
    {
        var console = new ConcurrentQueue<string>();
        var refused = new TaskCompletionSource<string?>(TaskCreationOptions.RunContinuationsAsynchronously);
        var hubPage = new Uri(Federation.HubUrl, "no-session").AbsoluteUri;
        Page.Console += (_, message) => console.Enqueue(message.Text);
        Page.RequestFailed += (_, request) =>
        {
            if (request.Url == hubPage)
            {
                refused.TrySetResult(request.Failure);
            }
        };
        var hubAnswered = Page.WaitForResponseAsync(hubPage);

        // A page that frames a hub page, e.g. to clickjack its buttons. (A blank page: Chromium's Local Network
        // Access checks would stop a public site's frame before the hub's own policy is tested.)
        await Page.SetContentAsync($"<!DOCTYPE html><title>framing</title><iframe src=\"{hubPage}\" title=\"hub\"></iframe>");

        // The hub answered, and the browser then refused the answer because of the hub's policy...
        Assert.That((await hubAnswered).Status, Is.EqualTo(200));
        Assert.That(await refused.Task.WaitAsync(StepTimeout), Is.EqualTo("net::ERR_BLOCKED_BY_RESPONSE"));
        Assert.That(
            () => console.Any(m => m.Contains(Federation.HubUrl.Host, StringComparison.Ordinal) && m.Contains("frame-ancestors 'none'", StringComparison.Ordinal)),
            Is.True.After((int)StepTimeout.TotalMilliseconds, 100),
            "Chromium names the hub's frame-ancestors directive: " + string.Join(" | ", console));

        // ...and shows none of it.
        var frame = Page.Frames.Single(f => f != Page.MainFrame);
        Assert.That(await frame.ContentAsync(), Does.Not.Contain("We cannot find your session"));
    }
}
