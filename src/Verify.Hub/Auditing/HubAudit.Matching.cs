using Verify.Audit;
using Verify.Audit.Events;
using Verify.Hub.Journey;
using Verify.Hub.Journey.States;
using Verify.Hub.Matching;

namespace Verify.Hub.Auditing;

/// <summary>
/// The matching journey's events (ADR 0018): <see cref="MatchRequestSent"/> before a journey is stored waiting on a new
/// request (so the trail never lacks a request that was sent), <see cref="MatchResponseReceived"/> before the answer's
/// step is stored, and, for a journey whose answer never came in time, a <see cref="MatchResponseReceived"/> with
/// outcome <c>NoAnswer</c> when the RP is answered (no node wrote that step: the journey reads so from the due instant).
/// </summary>
internal sealed partial class HubAudit
{
    /// <summary>The outcome recorded when no valid answer came.</summary>
    public const string MatchingServiceErrorOutcome = "MatchingServiceError";

    /// <summary>The outcome recorded when no answer came before it was due.</summary>
    public const string NoAnswerOutcome = "NoAnswer";

    /// <summary>
    /// Every event of a step from <paramref name="before"/> to <paramref name="after"/>, in order: the step's own, then
    /// <see cref="MatchRequestSent"/> when the step leaves the journey waiting on a request it was not waiting on.
    /// </summary>
    public IReadOnlyList<AuditEvent> StepEvents(JourneyRecord before, JourneyRecord after, JourneyStep step)
    {
        var events = new List<AuditEvent>(2);
        if (step.Kind != JourneyStepKind.Cycle3Submitted)
        {
            events.Add(StepEvent(before, after, step));
        }

        if (after.State is IMatchingRequestPending pending
            && (before.State as IMatchingRequestPending)?.PendingRequestId != pending.PendingRequestId)
        {
            events.Add(new MatchRequestSent
            {
                Stamp = Stamp(),
                Journey = hasher.Journey(after.Id.Value),
                RelyingParty = Entity(after.Rp.RpId),
                MatchingService = Entity(after.Rp.Matching!.MatchingServiceId),
                Cycle = MatchingQueries.CycleOf(pending),
            });
        }

        return events;
    }

    /// <summary>
    /// The ended <paramref name="journey"/> is about to be answered: if it ended because no answer came in time, that is
    /// recorded first (as a timed-out journey is).
    /// </summary>
    public async Task MatchingNoAnswerAsync(JourneyRecord journey, CancellationToken cancellationToken)
    {
        if (journey.State is not MatchingServiceRequestErrorState { NoAnswerInTime: true } || journey.Rp.Matching is not { } matching)
        {
            return;
        }

        await AppendAsync(new MatchResponseReceived
        {
            Stamp = Stamp(),
            Journey = hasher.Journey(journey.Id.Value),
            RelyingParty = Entity(journey.Rp.RpId),
            MatchingService = Entity(matching.MatchingServiceId),
            Outcome = Code(NoAnswerOutcome),
        }, cancellationToken).ConfigureAwait(false);
    }

    private MatchResponseReceived MatchResponseEvent(JourneyRecord after, JourneyStep step, KeyedHash journey, AuditEntityId rp) => new()
    {
        Stamp = Stamp(),
        Journey = journey,
        RelyingParty = rp,
        MatchingService = Entity(after.Rp.Matching!.MatchingServiceId),
        Outcome = Code(step.MatchOutcome ?? MatchingServiceErrorOutcome),
        ErrorCode = step.ErrorCode is null ? null : Code(step.ErrorCode),
    };
}
