using System.Net;

using Verify.Hub.Tests.Support;
using Verify.Saml.Validation;

namespace Verify.Hub.Tests.Redis;

/// <summary>The hub on its production stores (Redis journeys and replay cache): a journey, a replay, a double POST.</summary>
public sealed class RedisHubTests
{
    private HubHarness _hub = null!;

    [SetUp]
    public async Task StartHub() => _hub = await HubHarness.StartAsync(RedisServer.Connection);

    [TearDown]
    public async Task StopHub() => await _hub.DisposeAsync();

    [Test]
    public async Task Journey_SucceedsOnRedis()
    {
        var (request, relayState, rpRequestId) = await Flow.ToIdpAsync(_hub);

        var page = await Flow.PostAnswerAsync(_hub, Flow.Answer(_hub, request).Build(), relayState);

        Assert.That((await Flow.RpReceivesAsync(_hub, page, rpRequestId)).Answer.Outcome, Is.EqualTo(IdpOutcome.Success));
        Assert.That(await Flow.CurrentAsync(_hub), Is.Null);
    }

    [Test]
    public async Task ParallelDoublePost_AnswersTheRpOnce_OnRedis()
    {
        var (request, relayState, _) = await Flow.ToIdpAsync(_hub);
        var response = Flow.Answer(_hub, request).Build();

        var pages = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Flow.PostAnswerAsync(_hub, Verify.Saml.Xml.SecureXml.Load(response.OuterXml), relayState)));

        var bodies = await Task.WhenAll(pages.Select(p => p.Content.ReadAsStringAsync()));
        Assert.That(bodies.Count(b => b.Contains("name=\"SAMLResponse\"", StringComparison.Ordinal)), Is.EqualTo(1));
    }

    [Test]
    public async Task ReplayedAuthnRequest_IsRefusedAcrossClients_OnRedis()
    {
        var request = RpMessages.Signed(RpMessages.Request(_hub));
        await RpMessages.PostAsync(_hub.Client, _hub, request);
        using var other = _hub.NewClient(new CookieContainer());

        var replayed = await RpMessages.PostAsync(other, _hub, request);

        Assert.That(replayed.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
    }
}
