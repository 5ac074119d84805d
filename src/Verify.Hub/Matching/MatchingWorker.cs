using System.Text.RegularExpressions;

using Microsoft.Extensions.Logging;

using Verify.Hub.Auditing;
using Verify.Hub.Directory;
using Verify.Hub.Journey;
using Verify.Hub.Journey.Model;
using Verify.Hub.Journey.States;
using Verify.Hub.Journeys;
using Verify.Hub.Logging;
using Verify.Hub.Telemetry;
using Verify.Saml.Bindings;
using Verify.Saml.Errors;
using Verify.Saml.Saml;
using Verify.Saml.Trust;
using Verify.Saml.Validation;
using Verify.Saml.Xml.Encryption;

namespace Verify.Hub.Matching;

/// <summary>
/// One journey's exchange with its matching service (ARCHITECTURE.md step 4, ADR 0018), run off the citizen's request
/// by <see cref="MatchingDispatcher"/>: read the journey from the store; if it still waits on this request, send the
/// hub-signed query over SOAP, no longer than until the answer is due; validate the answer (the matching service's
/// registered key, InResponseTo = our query, the hashed PID we computed, the RP's audience and ACS, replay); then step
/// the journey with the answer by compare-and-swap, audited first. A failure, a refusal or an answer refused by the
/// hub is a step to MatchingServiceRequestError; no answer in time needs no step (the journey already reads so). When
/// the answer leads to account creation, that request follows in the same exchange.
/// </summary>
internal sealed partial class MatchingWorker(
    JourneyService journeys,
    IHubDirectorySource directory,
    MatchingQueries queries,
    MatchingTransport transport,
    MatchingResponseValidator validator,
    SealedAssertions sealedAssertions,
    TrustPolicy trust,
    IReadOnlyList<DecryptionKey> decryptionKeys,
    HubOptions options,
    HubMetrics metrics,
    ILogger<MatchingWorker> logger)
{
    private const string NotRegistered = "MatchingServiceNotRegistered";

    // The SOAP client's own (real-time) limit backs up the journey's due instant, which is measured on the hub's clock.
    private readonly SamlSoapClient _soap = new(transport.Client, new SamlSoapClientOptions
    {
        Timeout = options.Journey.MatchingServiceWait,
        AllowLoopbackHttp = options.AllowLoopbackHttp,
    });

    /// <summary>Sends the request journey <paramref name="id"/> waits on, and any request its answer leads to.</summary>
    public async Task RunAsync(JourneyId id, string requestId, CancellationToken stopping)
    {
        string? next = requestId;
        while (next is not null)
        {
            next = await ExchangeAsync(id, next, stopping).ConfigureAwait(false);
        }
    }

    /// <summary>One request and its answer; the ID of the follow-up request the journey now waits on, if any.</summary>
    private async Task<string?> ExchangeAsync(JourneyId id, string requestId, CancellationToken stopping)
    {
        var journey = await journeys.GetAsync(id, stopping).ConfigureAwait(false);
        if (journey?.State is not IMatchingRequestPending pending || pending.PendingRequestId != requestId)
        {
            // Answered already, overdue, or gone: nothing to ask.
            return null;
        }

        var cycle = MatchingQueries.CycleOf(pending).ToString();
        var matchingService = journey.Rp.Matching!.MatchingServiceId;
        var started = options.TimeProvider.GetTimestamp();
        Answer answer;
        try
        {
            answer = await AskAsync(journey, pending, cycle, stopping).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!stopping.IsCancellationRequested)
        {
            // The answer was due: from that instant every node reads the journey as MatchingServiceRequestError, and the
            // RP hears so; the event is written when it is answered.
            HubLog.MatchingNoAnswer(logger, cycle, matchingService);
            metrics.MatchingAnswered(cycle, HubAudit.NoAnswerOutcome, options.TimeProvider.GetElapsedTime(started));
            return null;
        }

        HubLog.MatchingAnswered(logger, answer.Outcome, cycle, matchingService, answer.ErrorCode ?? "-");
        metrics.MatchingAnswered(cycle, answer.Outcome, options.TimeProvider.GetElapsedTime(started));
        var step = new JourneyStep(JourneyStepKind.MatchingAnswer, "Matching" + answer.Outcome, answer.Apply)
        {
            MatchOutcome = answer.Outcome,
            ErrorCode = answer.ErrorCode,
        };
        var result = await journeys.StepAsync(journey, step, stopping).ConfigureAwait(false);
        if (!result.Written)
        {
            // Overdue meanwhile, or a second answer to the same query: the journey is where the first left it.
            HubLog.MatchingAnswerNotApplied(logger, cycle, result.Journey.State.Name, result.Status.ToString());
            return null;
        }

        return result.Journey.State is IMatchingRequestPending followUp ? followUp.PendingRequestId : null;
    }

    private async Task<Answer> AskAsync(JourneyRecord journey, IMatchingRequestPending pending, string cycle, CancellationToken stopping)
    {
        var requestId = pending.PendingRequestId;
        try
        {
            // The matching service registered for the RP now, and still the one the journey started with.
            var rp = (await directory.GetAsync(stopping).ConfigureAwait(false)).FindRelyingParty(journey.Rp.RpId);
            if (rp?.Matching is not { } matching || matching.EntityId != journey.Rp.Matching!.MatchingServiceId)
            {
                return Failed(requestId, NotRegistered);
            }

            var (query, endpoint) = queries.Compose(journey, pending, matching);
            var remaining = pending.AnswerDueBy - options.TimeProvider.GetUtcNow();
            using var due = new CancellationTokenSource(remaining > TimeSpan.Zero ? remaining : TimeSpan.Zero, options.TimeProvider);
            using var call = CancellationTokenSource.CreateLinkedTokenSource(stopping, due.Token);
            HubLog.MatchingQuerySent(logger, cycle, matching.EntityId);
            var element = await _soap.SendAsync(endpoint, query, cancellationToken: call.Token).ConfigureAwait(false);
            var valid = await validator.ValidateAsync(element, new ExpectedMatchingResponse
            {
                MatchingServiceEntityId = matching.EntityId,
                MatchingServiceKeys = trust.SigningKeys(matching.Trust),
                InResponseTo = requestId,
                DecryptionKeys = decryptionKeys,
                RelyingPartyEntityId = journey.Rp.RpId,
                AssertionConsumerServiceUrl = journey.Rp.ProtocolData[RpAnswerer.AcsKey],
                AuthnRequestId = RpAnswerer.MatchingRequestId(journey),
                HashedPid = HashedPid.Compute(pending.Idp.IdpId, matching.EntityId, pending.Identity.PersistentId, pending.Identity.Level.Name),
            }, stopping).ConfigureAwait(false);
            return Interpret(pending, valid.Value);
        }
        catch (SamlException refused)
        {
            return Failed(requestId, SamlErrors.IdOf(refused.Code));
        }
    }

    /// <summary>
    /// The step an answer leads to, by what the journey asked: a match or no-match answers a match query, an account
    /// created or not an account-creation query; anything else (an error status, a health answer, the wrong kind) is
    /// the matching service failing.
    /// </summary>
    private Answer Interpret(IMatchingRequestPending pending, MatchingServiceAnswer answer)
    {
        var machine = journeys.Machine;
        var inbound = new InboundResponse(answer.Issuer, pending.PendingRequestId);
        var creating = pending is UserAccountCreationRequestSentState;
        // The matching service's own assertion is sealed here, before the step: a step only applies what is ready.
        var evidence = answer.Assertion is null ? null : Seal(answer);
        return (answer.Outcome, creating) switch
        {
            (MatchingServiceOutcome.Match, false) => new("Match", j => machine.MatchFound(j, inbound, evidence)),
            (MatchingServiceOutcome.NoMatch, false) => new("NoMatch", j => machine.NoMatchFound(j, inbound, SamlIds.NewId())),
            (MatchingServiceOutcome.AccountCreated, true) => new("UserAccountCreated", j => machine.UserAccountCreated(j, inbound, evidence)),
            (MatchingServiceOutcome.AccountCreationFailed, true) => new("UserAccountCreationFailed", j => machine.UserAccountCreationFailed(j, inbound)),

            // The matching service's refusal names its catalogue error (VSnnnn / VMnnnn); otherwise its status says enough.
            _ => Failed(pending.PendingRequestId, answer.StatusMessage is { } id && CatalogueId().IsMatch(id) ? id : answer.Outcome.ToString()),
        };
    }

    /// <summary>End-to-end trust: the matching service's assertion, exactly as it signed it, sealed until the RP is answered.</summary>
    private string Seal(MatchingServiceAnswer answer) =>
        sealedAssertions.Seal([answer.Assertion?.Source ?? throw new InvalidOperationException("A validated match carries its assertion.")]);

    private Answer Failed(string requestId, string errorCode) =>
        new(HubAudit.MatchingServiceErrorOutcome, j => journeys.Machine.MatchingServiceFailed(j, requestId)) { ErrorCode = errorCode };

    [GeneratedRegex("^V[SM][0-9]{4}$", RegexOptions.CultureInvariant)]
    private static partial Regex CatalogueId();

    /// <summary>What the answer was (for the trail, logs and metrics) and the journey step it makes.</summary>
    private sealed record Answer(string Outcome, Func<JourneyRecord, JourneyRecord> Apply)
    {
        public string? ErrorCode { get; init; }
    }
}
