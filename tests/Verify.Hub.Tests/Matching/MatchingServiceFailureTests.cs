using System.Net;
using System.Net.Http.Headers;

using Verify.Audit.Events;
using Verify.Hub.Journey;
using Verify.Hub.Journey.States;
using Verify.Hub.Tests.Matching.Support;
using Verify.Hub.Tests.Support;
using Verify.Saml.Bindings;
using Verify.Saml.Errors;
using Verify.Saml.Saml;
using Verify.Saml.Samlp;
using Verify.Saml.Xml;
using Verify.Testing;
using Verify.Testing.Web;

namespace Verify.Hub.Tests.Matching;

/// <summary>
/// A matching service that is down, hangs, or answers what the hub must not believe: the citizen gets a clear page and
/// the RP a clear status (Responder, NoAuthnContext, <c>matching-service-error</c>) within the bound.
/// </summary>
public sealed class MatchingServiceFailureTests
{
    private const string MatchingServiceError = "matching-service-error";

    [Test]
    public async Task MatchingServiceDown_ConnectionRefused_EndsInMatchingServiceRequestError()
    {
        await using var harness = await MatchingHarness.StartAsync(down: true);
        await MatchingFlow.ToMatchingAsync(harness);

        var settled = await MatchingFlow.SettleAsync(harness);

        var (path, _, html) = await MatchingFlow.ReadAsync(settled);
        Assert.That(path, Is.EqualTo(HubPaths.MatchingError), html);
        Assert.That(Html.Heading(html), Is.EqualTo("Sorry, we could not check your details"));
        var received = harness.Hub.Recorded.Events.OfType<MatchResponseReceived>().Single();
        Assert.That((received.Outcome.Value, received.ErrorCode?.Value), Is.EqualTo(("MatchingServiceError", SamlErrors.IdOf(SamlErrorCode.BindingSoapUnreachable))));
        var rp = await MatchingFlow.ReturnToServiceAsync(harness.Hub.Client, settled);
        Assert.That(await MatchingFlow.RpStatusAsync(rp), Is.EqualTo((StatusCodes.Responder, StatusCodes.NoAuthnContext, MatchingServiceError)));
    }

    [Test]
    public async Task MatchingServiceHanging_AnswerAfterTheBound_EveryReadIsMatchingServiceRequestError()
    {
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var harness = await MatchingHarness.StartAsync(matching: inner => new GatedMatching(inner, gate.Task));
        var hub = harness.Hub;
        try
        {
            await MatchingFlow.ToMatchingAsync(harness);
            var waiting = await hub.Client.GetAsync(HubPaths.Matching);
            Assert.That(waiting.StatusCode, Is.EqualTo(HttpStatusCode.OK), "still waiting within the bound");

            hub.Time.Advance(new JourneyOptions().MatchingServiceWait);

            var overdue = await hub.Client.GetAsync(HubPaths.Matching);
            Assert.That(overdue.Headers.Location?.OriginalString, Is.EqualTo(HubPaths.MatchingError), "no node needs to be alive to end the wait");
            await harness.WhenIdleAsync();
        }
        finally
        {
            gate.TrySetResult();
        }

        var journey = await Flow.CurrentAsync(hub);
        Assert.That(journey!.State, Is.TypeOf<MatchingServiceRequestErrorState>());
        Assert.That(((MatchingServiceRequestErrorState)journey.State).NoAnswerInTime, Is.True);
        var page = await hub.Client.GetAsync(HubPaths.MatchingError);
        var rp = await MatchingFlow.ReturnToServiceAsync(hub.Client, page);
        Assert.That(await MatchingFlow.RpStatusAsync(rp), Is.EqualTo((StatusCodes.Responder, StatusCodes.NoAuthnContext, MatchingServiceError)));
        var types = hub.Recorded.Types;
        Assert.Multiple(() =>
        {
            Assert.That(types.TakeLast(2), Is.EqualTo(new List<string> { "MatchResponseReceived", "ResponseSentToRp" }));
            Assert.That(hub.Recorded.Events.OfType<MatchResponseReceived>().Single().Outcome.Value, Is.EqualTo("NoAnswer"));
            Assert.That(types, Does.Not.Contain("JourneyStepRefused"), "the late exchange wrote nothing");
        });
    }

    [Test]
    public async Task AnswerSignedByAnotherKey_IsRefused_AndTheJourneyEndsInError()
    {
        await using var harness = await MatchingHarness.StartAsync(signingKey: "test-rp-signing");
        await MatchingFlow.ToMatchingAsync(harness);

        var settled = await MatchingFlow.SettleAsync(harness);

        Assert.That(settled.RequestMessage!.RequestUri!.AbsolutePath, Is.EqualTo(HubPaths.MatchingError));
        var error = harness.Hub.Recorded.Events.OfType<MatchResponseReceived>().Single().ErrorCode!.Value;
        Assert.That(error, Is.AnyOf(SamlErrors.IdOf(SamlErrorCode.SignatureValueInvalid), SamlErrors.IdOf(SamlErrorCode.SignatureNoTrustedKey)));
    }

    [Test]
    public async Task AnswerToAnotherQuery_IsRefused_AndTheJourneyEndsInError()
    {
        await using var harness = await MatchingHarness.StartAsync();
        harness.Transport.Intercept = (request, _) => StandIn(harness, request, inResponseTo: "_another-query");
        await MatchingFlow.ToMatchingAsync(harness);

        var settled = await MatchingFlow.SettleAsync(harness);

        Assert.That(settled.RequestMessage!.RequestUri!.AbsolutePath, Is.EqualTo(HubPaths.MatchingError));
        Assert.That(harness.Hub.Recorded.Events.OfType<MatchResponseReceived>().Single().ErrorCode!.Value, Is.EqualTo(SamlErrors.IdOf(SamlErrorCode.ProtocolInResponseToMismatch)));
    }

    [Test]
    public async Task ReplayedAnswer_IsRefused_AndTheJourneyEndsInError()
    {
        await using var harness = await MatchingHarness.StartAsync();
        harness.Transport.Intercept = (request, _) => StandIn(harness, request, responseId: "_the-same-answer");
        await MatchingFlow.ToMatchingAsync(harness);
        var first = await MatchingFlow.SettleAsync(harness);
        Assert.That(first.RequestMessage!.RequestUri!.AbsolutePath, Is.EqualTo(HubPaths.NoMatch), "the first use of the answer is accepted");

        using var second = harness.Hub.NewClient(new CookieContainer());
        await MatchingFlow.ToMatchingAsync(harness, client: second);
        var replayed = await MatchingFlow.SettleAsync(harness, second);

        Assert.That(replayed.RequestMessage!.RequestUri!.AbsolutePath, Is.EqualTo(HubPaths.MatchingError));
        Assert.That(harness.Hub.Recorded.Events.OfType<MatchResponseReceived>().Last().ErrorCode!.Value, Is.EqualTo(SamlErrors.IdOf(SamlErrorCode.ProtocolReplayed)));
    }

    /// <summary>
    /// A stand-in for the matching service holding its real signing key: a signed no-match answer to the query, with
    /// the Response ID or InResponseTo the test chooses.
    /// </summary>
    private static async Task<HttpResponseMessage> StandIn(MatchingHarness harness, HttpRequestMessage request, string? inResponseTo = null, string? responseId = null)
    {
        var query = SoapEnvelope.Unwrap(await request.Content!.ReadAsByteArrayAsync());
        var answer = SignedResponseComposer.Compose(
            new Response
            {
                Id = responseId ?? SamlIds.NewId(),
                IssueInstant = harness.Hub.Time.GetUtcNow(),
                Issuer = Issuer.Entity(MatchingHarness.MatchingServiceId),
                InResponseTo = inResponseTo ?? query.GetAttribute("ID"),
                Status = Status.Of(StatusCodes.Responder, StatusCodes.NoMatch),
            },
            [],
            SigningCredential.FromCertificate(SampleCerts.CertificateWithKey("matching-service-signing")),
            null);
        var content = new ByteArrayContent(SoapEnvelope.Wrap(answer));
        content.Headers.ContentType = MediaTypeHeaderValue.Parse("text/xml; charset=utf-8");
        return new HttpResponseMessage(HttpStatusCode.OK) { Content = content, RequestMessage = request };
    }
}
