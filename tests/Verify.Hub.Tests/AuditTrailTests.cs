using System.Net;
using System.Security.Cryptography.X509Certificates;

using Verify.Audit;
using Verify.Audit.Checkpoints;
using Verify.Audit.Events;
using Verify.Audit.Storage;
using Verify.Audit.Verification;
using Verify.Hub.Auditing;
using Verify.Hub.Journey.States;
using Verify.Hub.Tests.Support;
using Verify.Saml.Saml;
using Verify.Saml.Samlp;
using Verify.Testing;
using Verify.Testing.Web;

namespace Verify.Hub.Tests;

/// <summary>
/// The hub's audit trail (issue 5, ADR 0013/0017): one event per business step and per refusal, keyed hashes only,
/// and a journey that does not proceed when its event cannot be written.
/// </summary>
public sealed class AuditTrailTests
{
    private static readonly string[] SuccessfulJourney = ["SessionStarted", "IntentDeclared", "IdpSelected", "IdpAuthnSucceeded", "ResponseSentToRp"];
    private static readonly string[] FraudJourney = ["SessionStarted", "IntentDeclared", "IdpSelected", "FraudDetected", "ResponseSentToRp"];
    private static readonly string[] CancelledJourney = ["SessionStarted", "JourneyCancelled", "ResponseSentToRp"];

    private HubHarness _hub = null!;

    [SetUp]
    public async Task StartHub() => _hub = await HubHarness.StartAsync();

    [TearDown]
    public async Task StopHub() => await _hub.DisposeAsync();

    [Test]
    public async Task SuccessfulJourney_WritesOneEventPerStep_InOrder_ForOneJourney()
    {
        var (request, relayState, rpRequestId) = await Flow.ToIdpAsync(_hub, "sign-in");
        var journeyId = Flow.CurrentId(_hub)!.Value;
        var acs = await Flow.PostAnswerAsync(_hub, Flow.Answer(_hub, request).Build(), relayState);
        var (answer, _, _) = await Flow.RpReceivesAsync(_hub, acs, rpRequestId);

        var events = _hub.Recorded.Events;
        Assert.That(_hub.Recorded.Types, Is.EqualTo(SuccessfulJourney));
        var journeys = events.OfType<JourneyEvent>().Select(e => e.Journey).Distinct().ToList();
        var succeeded = events.OfType<IdpAuthnSucceeded>().Single();
        var sent = events.OfType<ResponseSentToRp>().Single();
        Assert.Multiple(() =>
        {
            Assert.That(journeys, Has.Count.EqualTo(1), "every event names the same journey");
            Assert.That(events.OfType<JourneyEvent>().Select(e => e.RelyingParty.Value).Distinct(), Is.EqualTo(new[] { TestDirectory.Rp }));
            Assert.That(events.OfType<SessionStarted>().Single().Protocol, Is.EqualTo(AuditProtocol.Saml));
            Assert.That(events.OfType<IntentDeclared>().Single().Intent, Is.EqualTo(AuditIntent.SignIn));
            Assert.That(events.OfType<IdpSelected>().Single().IdentityProvider.Value, Is.EqualTo(TestDirectory.IdpOne));
            Assert.That(succeeded.Level, Is.EqualTo(AssuranceLevel.Level2));
            Assert.That(sent.Outcome.Value, Is.EqualTo("verified"));
            Assert.That(sent.PairwiseId, Is.EqualTo(succeeded.PairwiseId), "the pairwise ID the RP got is the one the IDP step recorded");
            Assert.That(sent.IdentityProvider?.Value, Is.EqualTo(TestDirectory.IdpOne));
        });

        // Keyed hashes only: nothing a person, the RP or the IDP holds appears in the trail in clear.
        var json = _hub.Recorded.AllJson;
        Assert.Multiple(() =>
        {
            foreach (var clear in new[] { journeyId, answer.NameId!.Value, "pid-jane-0001", "Jane", "Citizen", "TE1 1ST", "1 Test Street", request.Id, rpRequestId, HubHarness.ClientAddress.ToString() })
            {
                Assert.That(json, Does.Not.Contain(clear), $"'{clear}' must not be in the audit trail");
            }
        });
    }

    [Test]
    public async Task IdpOutcomes_EachWriteTheirEvent_AndTheAnswerToTheRp()
    {
        var (request, relayState, _) = await Flow.ToIdpAsync(_hub, "registration");
        var fraud = Flow.Answer(_hub, request) with { Level = AuthnContexts.LevelX, IncludeFraudIndicators = true };
        var acs = await Flow.PostAnswerAsync(_hub, fraud.Build(), relayState);
        var shown = await _hub.Client.FollowAsync(acs);
        await _hub.Client.SubmitAsync(shown, $"form[action='{HubPaths.ReturnToService}']");

        var events = _hub.Recorded.Events;
        Assert.That(_hub.Recorded.Types, Is.EqualTo(FraudJourney));
        Assert.Multiple(() =>
        {
            Assert.That(events.OfType<FraudDetected>().Single().Gpg45Status.Value, Is.Not.Empty);
            Assert.That(events.OfType<ResponseSentToRp>().Single().Outcome.Value, Is.EqualTo("authn-failed"));
            Assert.That(events.OfType<ResponseSentToRp>().Single().PairwiseId, Is.Null);
        });
    }

    [Test]
    public async Task CancelledJourney_WritesJourneyCancelled_ThenTheAnswer()
    {
        var start = await RpMessages.StartJourneyAsync(_hub);
        await _hub.Client.SubmitAsync(start, $"form[action='{HubPaths.ReturnToService}']");

        Assert.That(_hub.Recorded.Types, Is.EqualTo(CancelledJourney));
        Assert.That(_hub.Recorded.Events.OfType<ResponseSentToRp>().Single().Outcome.Value, Is.EqualTo("cancelled"));
    }

    [Test]
    public async Task RefusedAuthnRequest_IsAuditedOnce_AndStartsNothing()
    {
        var unsigned = SamlXmlWriter.WriteAuthnRequest(RpMessages.Request(_hub));
        var refused = await RpMessages.PostAsync(_hub.Client, _hub, unsigned);

        Assert.That(refused.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        var only = _hub.Recorded.Events.Single();
        Assert.That(only, Is.TypeOf<AuthnRequestRefused>());
        Assert.That(((AuthnRequestRefused)only).ErrorCode.Value, Does.StartWith("VS"));
    }

    [Test]
    public async Task RefusedIdpResponse_IsAuditedOnce_AndTheJourneyIsUnchanged()
    {
        var (request, relayState, _) = await Flow.ToIdpAsync(_hub);
        _hub.Recorded.Clear();

        var forged = Flow.Answer(_hub, request) with { SigningKey = "test-rp-signing" };
        var refused = await Flow.PostAnswerAsync(_hub, forged.Build(), relayState);

        Assert.That(refused.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        var only = (IdpResponseRefused)_hub.Recorded.Events.Single();
        Assert.Multiple(async () =>
        {
            Assert.That(only.Journey, Is.Not.Null);
            Assert.That(only.RelyingParty?.Value, Is.EqualTo(TestDirectory.Rp));
            Assert.That((await Flow.CurrentAsync(_hub))!.State, Is.TypeOf<IdpSelectedState>());
        });
    }

    [Test]
    public async Task AuditDown_AtTheRpRequest_StartsNoJourney_AndShowsTheProblemPage()
    {
        _hub.Recorded.Failing = true;

        var start = await RpMessages.PostAsync(_hub.Client, _hub, RpMessages.Signed(RpMessages.Request(_hub)));

        Assert.That(start.StatusCode, Is.EqualTo(HttpStatusCode.ServiceUnavailable));
        Assert.That(Html.Heading(await start.Content.ReadAsStringAsync()), Is.EqualTo("Sorry, there is a problem with the service"));
        Assert.That(Flow.CurrentId(_hub), Is.Null, "no journey cookie");
        Assert.That(start.Headers.Contains("Content-Security-Policy"), Is.True, "the problem page keeps the security headers");
    }

    [Test]
    public async Task AuditDown_AtChoosingACompany_LeavesTheJourneyWhereItWas_AndSendsNobodyToTheIdp()
    {
        var start = await RpMessages.StartJourneyAsync(_hub);
        var choose = await _hub.Client.FollowAsync(await _hub.Client.SubmitAsync(start, set: ("Intent", "sign-in")));
        _hub.Recorded.Failing = true;

        var toIdp = await _hub.Client.SubmitAsync(choose, set: ("Idp", TestDirectory.IdpOne));

        var html = await toIdp.Content.ReadAsStringAsync();
        Assert.Multiple(async () =>
        {
            Assert.That(toIdp.StatusCode, Is.EqualTo(HttpStatusCode.ServiceUnavailable));
            Assert.That(html, Does.Not.Contain("SAMLRequest"));
            Assert.That((await Flow.CurrentAsync(_hub))!.State, Is.TypeOf<SessionStartedState>());
        });

        // Once the trail is back, the same choice goes through.
        _hub.Recorded.Failing = false;
        var again = await _hub.Client.SubmitAsync(await _hub.Client.GetAsync(HubPaths.ChooseCompany), set: ("Idp", TestDirectory.IdpOne));
        Assert.That(again.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That((await Flow.CurrentAsync(_hub))!.State, Is.TypeOf<IdpSelectedState>());
    }

    [Test]
    public async Task AuditDown_AtTheIdpAnswer_LeavesTheJourneyWaitingForTheIdp()
    {
        var (request, relayState, _) = await Flow.ToIdpAsync(_hub);
        _hub.Recorded.Failing = true;

        var acs = await Flow.PostAnswerAsync(_hub, Flow.Answer(_hub, request).Build(), relayState);

        Assert.That(acs.StatusCode, Is.EqualTo(HttpStatusCode.ServiceUnavailable));
        Assert.That(await acs.Content.ReadAsStringAsync(), Does.Not.Contain("SAMLResponse"));
        Assert.That((await Flow.CurrentAsync(_hub))!.State, Is.TypeOf<IdpSelectedState>());
    }

    [Test]
    public async Task AuditDown_WhenAnsweringTheRp_SendsNoAnswer()
    {
        var start = await RpMessages.StartJourneyAsync(_hub);
        _hub.Recorded.Failing = true;

        var back = await _hub.Client.SubmitAsync(start, $"form[action='{HubPaths.ReturnToService}']");

        Assert.That(back.StatusCode, Is.EqualTo(HttpStatusCode.ServiceUnavailable));
        Assert.That(await back.Content.ReadAsStringAsync(), Does.Not.Contain("SAMLResponse"));
    }

    [Test]
    public async Task OnARealDatabase_TheJourneysTrailIsAnIntactChain_ThatCheckpointsVouchFor()
    {
        var directory = System.IO.Directory.CreateTempSubdirectory("verify-audit-");
        try
        {
            var database = AuditDatabase.Create(AuditProvider.Sqlite, $"Data Source={Path.Combine(directory.FullName, "audit.db")}");
            await database.MigrateAsync();
            await using var hub = await HubHarness.StartAsync(audit: new DatabaseAuditSink(database));
            var key = SampleCerts.CertificateWithKey("metadata-signing").GetRSAPrivateKey()!;
            var checkpoints = Path.Combine(directory.FullName, "checkpoints.jsonl");
            var service = new AuditCheckpointService(
                new DatabaseAuditChain(database), new AuditCheckpointOptions(checkpoints, key, TimeSpan.FromMinutes(1)), hub.Time,
                Microsoft.Extensions.Logging.Abstractions.NullLogger<AuditCheckpointService>.Instance);

            var (request, relayState, _) = await Flow.ToIdpAsync(hub);
            Assert.That(await service.CheckpointAsync(CancellationToken.None), Is.EqualTo(3));
            await Flow.PostAnswerAsync(hub, Flow.Answer(hub, request).Build(), relayState);
            Assert.That(await service.CheckpointAsync(CancellationToken.None), Is.EqualTo(5));
            Assert.That(await service.CheckpointAsync(CancellationToken.None), Is.Null, "no new events, no new checkpoint");

            var result = await AuditVerifier.VerifyAsync(new DatabaseAuditChain(database), checkpoints, key);
            Assert.That(result.IsIntact, Is.True, result.Message);
            Assert.That(result.EventCount, Is.EqualTo(5));
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            directory.Delete(recursive: true);
        }
    }
}
