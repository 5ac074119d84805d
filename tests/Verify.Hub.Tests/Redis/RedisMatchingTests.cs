using System.Net;

using Verify.Hub.Journey;
using Verify.Hub.Journey.States;
using Verify.Hub.Tests.Matching.Support;
using Verify.Hub.Tests.Support;
using Verify.Testing.Web;

namespace Verify.Hub.Tests.Redis;

/// <summary>
/// ADR 0018 on the production journey store: the matching answer is stored with the journey in Redis, so a second hub
/// node serves the waiting page and the outcome; and a journey whose node stopped mid-call still ends, on another node,
/// once its answer is due.
/// </summary>
public sealed class RedisMatchingTests
{
    [Test]
    public async Task WaitingPage_IsServedByASecondHub_SharingTheJourneyStore()
    {
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var harness = await MatchingHarness.StartAsync(matching: inner => new GatedMatching(inner, gate.Task), redis: RedisServer.Connection);
        await using var other = await HubHarness.StartAsync(RedisServer.Connection);
        using var viaOther = other.NewClient(harness.Hub.Cookies);
        try
        {
            await MatchingFlow.ToMatchingAsync(harness);

            var waiting = await viaOther.GetAsync(HubPaths.Matching);
            Assert.That((waiting.StatusCode, waiting.Headers.Contains("Refresh")), Is.EqualTo((HttpStatusCode.OK, true)), "the other node shows the wait");
        }
        finally
        {
            gate.TrySetResult();
        }

        var settled = await MatchingFlow.SettleAsync(harness, viaOther);
        Assert.That(settled.RequestMessage!.RequestUri, Is.EqualTo(new Uri(other.BaseUrl, HubPaths.Continue)), "and the answer the first node stored");
    }

    [Test]
    public async Task NodeStoppedMidCall_TheJourneyEndsOnAnotherNode_WhenTheAnswerIsDue()
    {
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var harness = await MatchingHarness.StartAsync(matching: inner => new GatedMatching(inner, gate.Task), redis: RedisServer.Connection);
        await using var other = await HubHarness.StartAsync(RedisServer.Connection);
        using var viaOther = other.NewClient(harness.Hub.Cookies);
        try
        {
            await MatchingFlow.ToMatchingAsync(harness);
            var sentAt = harness.Hub.Time.GetUtcNow();

            // The first node goes away with its exchange in flight; nothing it did answered the journey.
            await harness.StopHubAsync();
            var stillWaiting = await viaOther.GetAsync(HubPaths.Matching);
            other.Time.SetUtcNow(sentAt + new JourneyOptions().MatchingServiceWait);
            var page = await viaOther.FollowAsync(await viaOther.GetAsync(HubPaths.Matching));

            Assert.That(stillWaiting.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(page.RequestMessage!.RequestUri!.AbsolutePath, Is.EqualTo(HubPaths.MatchingError));
        }
        finally
        {
            gate.TrySetResult();
        }
    }
}
