using System.Collections.Concurrent;
using System.Net;

using Verify.Audit.Events;
using Verify.Hub.Auditing;
using Verify.Hub.Journey;
using Verify.Hub.Journey.States;
using Verify.Hub.Tests.Support;

namespace Verify.Hub.Tests;

/// <summary>
/// A hub-asserted success for a SAML RP is answered in the ACS request itself, so the success state is never stored:
/// the answer's compare-and-swap delete, at the version the IDP's answer found, is the step's one write. When another
/// request changes the journey first, the step had no effect: the RP is not answered and the trail says why.
/// </summary>
public sealed class AnsweredAtOnceTests
{
    private static readonly string[] AnswerEvents = ["IdpAuthnSucceeded", "ResponseSentToRp"];

    [Test]
    public async Task Success_ForASamlRp_IsOneDelete_AtTheVersionTheAnswerFound_WithNoUpdate()
    {
        CountingStore? store = null;
        await using var hub = await HubHarness.StartAsync(wrapJourneys: inner => store = new CountingStore(inner));
        var (request, relayState, rpRequestId) = await Flow.ToIdpAsync(hub);
        var waiting = (await Flow.CurrentAsync(hub))!;
        store!.Operations.Clear();

        var page = await Flow.PostAnswerAsync(hub, Flow.Answer(hub, request).Build(), relayState);

        await Flow.RpReceivesAsync(hub, page, rpRequestId);
        Assert.Multiple(() =>
        {
            Assert.That(waiting.State, Is.TypeOf<IdpSelectedState>());
            Assert.That(store.Operations, Is.EqualTo(new[] { "get", $"delete@{waiting.Version}" }));
            Assert.That(hub.Recorded.Types.TakeLast(2), Is.EqualTo(AnswerEvents));
        });
        Assert.That(await Flow.CurrentAsync(hub), Is.Null);
    }

    [Test]
    public async Task Success_LosingTheRaceToAnotherRequest_AnswersNoRp_AndAuditsTheStepAsConcurrent()
    {
        CountingStore? store = null;
        await using var hub = await HubHarness.StartAsync(wrapJourneys: inner => store = new CountingStore(inner));
        var (request, relayState, _) = await Flow.ToIdpAsync(hub);
        var waiting = (await Flow.CurrentAsync(hub))!;

        // Another request (a second tab) writes the journey between the IDP answer's step and its answer.
        store!.BeforeDelete = async () => await store.Inner.TryUpdateAsync(waiting);
        var page = await Flow.PostAnswerAsync(hub, Flow.Answer(hub, request).Build(), relayState);

        var html = await page.Content.ReadAsStringAsync();
        var refused = hub.Recorded.Events.OfType<JourneyStepRefused>().ToList();
        Assert.Multiple(() =>
        {
            Assert.That(page.StatusCode, Is.EqualTo(HttpStatusCode.Redirect), html);
            Assert.That(html, Does.Not.Contain("SAMLResponse"), "the RP is not answered");
            Assert.That(hub.Recorded.Types, Does.Not.Contain("ResponseSentToRp"));
            Assert.That(refused.Select(e => e.ErrorCode.Value), Is.EqualTo(new[] { HubAudit.ConcurrentStep }));
        });
        var current = await Flow.CurrentAsync(hub);
        Assert.That(current!.State, Is.TypeOf<IdpSelectedState>(), "the journey is as the other request left it");
        Assert.That(current.Version, Is.EqualTo(waiting.Version + 1));
    }

    /// <summary>The journey store as the hub uses it, with each operation after set-up named (and the version written).</summary>
    private sealed class CountingStore(IJourneyStore inner) : IJourneyStore
    {
        public IJourneyStore Inner => inner;

        public ConcurrentQueue<string> Operations { get; } = new();

        public Func<Task>? BeforeDelete { get; set; }

        public Task<JourneyRecord?> GetAsync(JourneyId id, CancellationToken cancellationToken = default)
        {
            Operations.Enqueue("get");
            return inner.GetAsync(id, cancellationToken);
        }

        public Task<JourneyRecord> CreateAsync(JourneyRecord journey, CancellationToken cancellationToken = default)
        {
            Operations.Enqueue("create");
            return inner.CreateAsync(journey, cancellationToken);
        }

        public Task<JourneyWriteResult> TryUpdateAsync(JourneyRecord journey, CancellationToken cancellationToken = default)
        {
            Operations.Enqueue($"update@{journey.Version}");
            return inner.TryUpdateAsync(journey, cancellationToken);
        }

        public async Task<JourneyWriteResult> TryDeleteAsync(JourneyRecord journey, CancellationToken cancellationToken = default)
        {
            Operations.Enqueue($"delete@{journey.Version}");
            if (BeforeDelete is { } before)
            {
                await before();
            }

            return await inner.TryDeleteAsync(journey, cancellationToken);
        }
    }
}
