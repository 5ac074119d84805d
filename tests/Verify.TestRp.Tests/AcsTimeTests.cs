using System.Net;

using Verify.TestRp.Tests.Support;

namespace Verify.TestRp.Tests;

/// <summary>Rules that need the clock moved; each test has its own server, so the others keep their clock.</summary>
public sealed class AcsTimeTests
{
    [Test]
    public async Task AcsPost_RefusesAnAnswer_AfterTheRequestHasExpired()
    {
        await using var server = await TestRpServer.StartAsync();
        using var browser = server.NewBrowser();
        var sent = await Journey.StartAsync(browser);

        server.Clock.Advance(TimeSpan.FromMinutes(151));
        var hub = new HubResponse { InResponseTo = sent.Request.Id, AcsUrl = server.AcsUrl, Now = server.Clock.GetUtcNow() };
        var page = await Journey.PostToAcsAsync(browser, hub.Encode(), sent.RelayState);

        Assert.Multiple(() =>
        {
            Assert.That(page.Status, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(page.ErrorCode, Is.EqualTo("VS5004"));
        });
    }

    [Test]
    public async Task AcsPost_AcceptsAnAnswer_AnHourAndAHalfLater()
    {
        // GOV.UK Verify: a fifth of citizens spent over an hour at the IDP.
        await using var server = await TestRpServer.StartAsync();
        using var browser = server.NewBrowser();
        var sent = await Journey.StartAsync(browser);

        server.Clock.Advance(TimeSpan.FromMinutes(90));
        var hub = new HubResponse { InResponseTo = sent.Request.Id, AcsUrl = server.AcsUrl, Now = server.Clock.GetUtcNow() };
        var page = await Journey.PostToAcsAsync(browser, hub.Encode(), sent.RelayState);

        Assert.That(page.Status, Is.EqualTo(HttpStatusCode.OK), page.ToString());
    }
}
