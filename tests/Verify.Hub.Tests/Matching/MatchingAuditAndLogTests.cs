using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

using Verify.Audit;
using Verify.Audit.Events;
using Verify.Hub.Journey.Model;
using Verify.Hub.Telemetry;
using Verify.Hub.Tests.Matching.Support;
using Verify.Hub.Tests.Support;
using Verify.Saml.Saml;
using Verify.Testing.Web;

namespace Verify.Hub.Tests.Matching;

/// <summary>
/// The matching journey's audit trail (ADR 0017, 0018): each step's event before the step is stored, keyed hashes
/// only; and nothing personal in the hub's logs.
/// </summary>
public sealed class MatchingAuditAndLogTests
{
    private static readonly string[] MatchedJourney =
    [
        "SessionStarted", "IntentDeclared", "IdpSelected", "IdpAuthnSucceeded", "MatchRequestSent", "MatchResponseReceived", "ResponseSentToRp",
    ];

    [Test]
    public async Task MatchedJourney_WritesItsEventsInOrder_ForOneJourney_WithNothingInClear()
    {
        await using var harness = await MatchingHarness.StartAsync();
        var hub = harness.Hub;
        await MatchingFlow.ToMatchingAsync(harness);
        var journeyId = Flow.CurrentId(hub)!.Value;
        var settled = await MatchingFlow.SettleAsync(harness);
        await MatchingFlow.ReturnToServiceAsync(hub.Client, settled);

        var events = hub.Recorded.Events;
        var sent = events.OfType<MatchRequestSent>().Single();
        var received = events.OfType<MatchResponseReceived>().Single();
        var succeeded = events.OfType<IdpAuthnSucceeded>().Single();
        var answered = events.OfType<ResponseSentToRp>().Single();
        var json = hub.Recorded.AllJson;
        Assert.Multiple(() =>
        {
            Assert.That(hub.Recorded.Types, Is.EqualTo(MatchedJourney));
            Assert.That(events.OfType<JourneyEvent>().Select(e => e.Journey).Distinct().Count(), Is.EqualTo(1));
            Assert.That((sent.MatchingService.Value, sent.Cycle), Is.EqualTo((MatchingHarness.MatchingServiceId, MatchCycle.Cycle0And1)));
            Assert.That((received.MatchingService.Value, received.Outcome.Value, received.ErrorCode), Is.EqualTo((MatchingHarness.MatchingServiceId, "Match", (AuditCode?)null)));
            Assert.That(succeeded.Level, Is.EqualTo(AssuranceLevel.Level2));
            Assert.That((answered.Outcome.Value, answered.Level, answered.IdentityProvider?.Value), Is.EqualTo(("match", (AssuranceLevel?)AssuranceLevel.Level2, TestDirectory.IdpOne)));
            Assert.That(answered.PairwiseId, Is.EqualTo(succeeded.PairwiseId));
            foreach (var secret in Personal(journeyId))
            {
                Assert.That(json, Does.Not.Contain(secret), "no personal data and no journey ID in the trail");
            }
        });
    }

    [Test]
    public async Task MatchingQueries_AreCountedAndTimed_ByCycleAndOutcome()
    {
        await using var harness = await MatchingHarness.StartAsync(records: "", accountCreation: ["firstname"]);
        var factory = harness.Hub.Services.GetRequiredService<IMeterFactory>();
        var measured = new ConcurrentQueue<(string Instrument, string Cycle, string Outcome)>();
        using var listener = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Name == HubMetrics.Name && ReferenceEquals(instrument.Meter.Scope, factory) && instrument.Name.StartsWith("verify.hub.matching.", StringComparison.Ordinal))
                {
                    l.EnableMeasurementEvents(instrument);
                }
            },
        };
        listener.SetMeasurementEventCallback<long>((instrument, _, tags, _) => measured.Enqueue((instrument.Name, Tag(tags, "cycle"), Tag(tags, "outcome"))));
        listener.SetMeasurementEventCallback<double>((instrument, _, tags, _) => measured.Enqueue((instrument.Name, Tag(tags, "cycle"), Tag(tags, "outcome"))));
        listener.Start();

        await MatchingFlow.ToMatchingAsync(harness);
        await harness.WhenIdleAsync();

        Assert.That(measured.Where(m => m.Instrument == "verify.hub.matching.queries").Select(m => (m.Cycle, m.Outcome)), Is.EqualTo(new List<(string, string)>
        {
            ("Cycle0And1", "NoMatch"), ("UserAccountCreation", "UserAccountCreated"),
        }));
        Assert.That(measured.Count(m => m.Instrument == "verify.hub.matching.duration"), Is.EqualTo(2));
    }

    [Test]
    public async Task Cycle3AndAccountCreationJourney_LogsNothingPersonal()
    {
        var logs = new CapturingLoggerProvider();
        await using var harness = await MatchingHarness.StartAsync(
            records: People.Robert, cycle3: Cycle3Attributes.NationalInsuranceNumber, accountCreation: ["firstname", "surname", "cycle_3"],
            journey: new Journey.JourneyOptions { MaxCycle3Attempts = 1 }, logs: logs);
        var client = harness.Hub.Client;
        await MatchingFlow.ToMatchingAsync(harness);
        var journeyId = Flow.CurrentId(harness.Hub)!.Value;
        var asked = await MatchingFlow.SettleAsync(harness);
        await client.SubmitAsync(asked, "#identifier-form", ("Identifier", "not a nino"));
        await client.SubmitAsync(asked, "#identifier-form", ("Identifier", People.JaneNino));
        var settled = await MatchingFlow.SettleAsync(harness);
        await MatchingFlow.ReturnToServiceAsync(client, settled);

        var text = logs.AllText;
        Assert.Multiple(() =>
        {
            Assert.That(text, Does.Contain("Matching answer UserAccountCreated"), "the logs say what happened");
            Assert.That(text, Does.Contain("cycle3-format"), "a refused identifier is logged by reason");
            foreach (var secret in Personal(journeyId).Concat(["AB123456C", "AB 12 34 56 C", "not a nino"]))
            {
                Assert.That(text, Does.Not.Contain(secret), "no personal data and no journey ID in the logs");
            }
        });
    }

    private static IEnumerable<string> Personal(string journeyId) =>
    [
        journeyId, "pid-jane-0001", "Jane", "Citizen", "1984-02-29", "Test Street", "TE1 1ST", "203.0.113.9",
        HashedPid.Compute(TestDirectory.IdpOne, MatchingHarness.MatchingServiceId, "pid-jane-0001", "LEVEL_2"),
    ];

    private static string Tag(ReadOnlySpan<KeyValuePair<string, object?>> tags, string name)
    {
        foreach (var tag in tags)
        {
            if (tag.Key == name)
            {
                return tag.Value as string ?? "";
            }
        }

        return "";
    }
}
