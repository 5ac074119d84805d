using System.Net;

using Verify.Hub.Limits;
using Verify.Hub.Tests.Redis;
using Verify.Hub.Tests.Support;

namespace Verify.Hub.Tests;

/// <summary>Floods of work-creating requests get a clear 429 page and create nothing, per client and per RP, on both limiters.</summary>
[TestFixture(false)]
[TestFixture(true)]
public sealed class RateLimitTests(bool redis)
{
    private HubHarness _hub = null!;

    [TearDown]
    public async Task StopHub() => await _hub.DisposeAsync();

    [Test]
    public async Task AClientOverItsLimit_Gets429_AndNoJourney()
    {
        _hub = await HubHarness.StartAsync(redis ? RedisServer.Connection : null, new RateLimitOptions { PerClient = 3 });
        for (var i = 0; i < 3; i++)
        {
            using var client = _hub.NewClient(new CookieContainer());
            Assert.That((await RpMessages.PostAsync(client, _hub, RpMessages.Signed(RpMessages.Request(_hub)))).StatusCode, Is.EqualTo(HttpStatusCode.Found));
        }

        var refused = await RpMessages.PostAsync(_hub.Client, _hub, RpMessages.Signed(RpMessages.Request(_hub)));

        Assert.Multiple(async () =>
        {
            Assert.That(refused.StatusCode, Is.EqualTo(HttpStatusCode.TooManyRequests));
            Assert.That(refused.Headers.RetryAfter?.Delta, Is.EqualTo(TimeSpan.FromMinutes(1)));
            Assert.That(await refused.Content.ReadAsStringAsync(), Does.Contain("too many attempts"));
            Assert.That(Flow.CurrentId(_hub), Is.Null);
        });
    }

    [Test]
    public async Task AnRpOverItsLimit_Gets429()
    {
        _hub = await HubHarness.StartAsync(redis ? RedisServer.Connection : null, new RateLimitOptions { PerClient = 100, PerRelyingParty = 2 });
        await RpMessages.PostAsync(_hub.NewClient(new CookieContainer()), _hub, RpMessages.Signed(RpMessages.Request(_hub)));
        await RpMessages.PostAsync(_hub.NewClient(new CookieContainer()), _hub, RpMessages.Signed(RpMessages.Request(_hub)));

        var refused = await RpMessages.PostAsync(_hub.Client, _hub, RpMessages.Signed(RpMessages.Request(_hub)));

        Assert.That(refused.StatusCode, Is.EqualTo(HttpStatusCode.TooManyRequests));
    }

    [Test]
    public async Task TheLimitResetsInTheNextWindow()
    {
        _hub = await HubHarness.StartAsync(redis ? RedisServer.Connection : null, new RateLimitOptions { PerClient = 1 });
        await RpMessages.PostAsync(_hub.NewClient(new CookieContainer()), _hub, RpMessages.Signed(RpMessages.Request(_hub)));

        _hub.Time.Advance(TimeSpan.FromMinutes(1));
        var again = await RpMessages.PostAsync(_hub.Client, _hub, RpMessages.Signed(RpMessages.Request(_hub)));

        Assert.That(again.StatusCode, Is.EqualTo(HttpStatusCode.Found));
    }
}
