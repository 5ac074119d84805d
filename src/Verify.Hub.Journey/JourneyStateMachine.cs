using Verify.Hub.Journey.Model;
using Verify.Hub.Journey.States;

namespace Verify.Hub.Journey;

/// <summary>
/// The journey's steps, protocol-neutral (ARCHITECTURE.md "One journey, end to end"). Each method takes the
/// journey as read from the store and returns the next record, or throws: an
/// <see cref="Errors.IllegalJourneyTransitionException"/> when the current state does not allow the step, a
/// <see cref="Errors.JourneyRuleException"/> when a rule refuses it. Nothing is stored here: the caller writes the
/// result with <see cref="IJourneyStore.TryUpdateAsync"/>, whose version check makes a repeated POST a conflict
/// instead of a second effect. Every step first applies the timeout, so a step after expiry is a step from
/// <see cref="TimeoutState"/>, which allows none.
/// </summary>
public sealed partial class JourneyStateMachine
{
    private readonly TimeProvider _time;

    /// <summary>Creates the machine.</summary>
    /// <param name="timeProvider">The clock (tests move a <c>FakeTimeProvider</c>).</param>
    /// <param name="options">Lifetimes; validated here.</param>
    public JourneyStateMachine(TimeProvider timeProvider, JourneyOptions options)
    {
        _time = timeProvider ?? throw new ArgumentNullException(nameof(timeProvider));
        Options = (options ?? throw new ArgumentNullException(nameof(options))).Validate();
    }

    /// <summary>The lifetimes in force.</summary>
    public JourneyOptions Options { get; }

    /// <summary>A new journey for the RP's validated request, in <see cref="SessionStartedState"/>, not yet stored.</summary>
    public JourneyRecord Start(RpRequest rp)
    {
        ArgumentNullException.ThrowIfNull(rp);
        var now = _time.GetUtcNow();
        var journey = new JourneyRecord(
            JourneyId.New(), 0, rp, null, false, new SessionStartedState(), now, now, now);
        return journey.With(journey.State, null, false, now, ExpiryAfter(journey, journey.State, false, now));
    }

    /// <summary>
    /// The journey as it reads now: in <see cref="TimeoutState"/> if it has expired, in
    /// <see cref="MatchingServiceRequestErrorState"/> if a matching service's answer is overdue. Stores apply this on
    /// every read.
    /// </summary>
    public JourneyRecord Observe(JourneyRecord journey)
    {
        ArgumentNullException.ThrowIfNull(journey);
        return journey.ObservedAt(_time.GetUtcNow());
    }

    /// <summary>The start page's answer: signing in or registering. Allowed in <see cref="SessionStartedState"/>.</summary>
    public JourneyRecord DeclareIntent(JourneyRecord journey, JourneyIntent intent)
    {
        Guard.Defined(intent, nameof(intent));
        return Advance(journey, (state, j) => state.DeclareIntent(j), intent);
    }

    /// <summary>
    /// The citizen chose an IDP (also "try another company"). Allowed from SessionStarted, IdpSelected,
    /// AuthnFailedError, FraudEventDetected and RequesterError, and only for an IDP that
    /// <paramref name="availability"/> offers this RP for the citizen's choice at a level the RP accepts.
    /// </summary>
    public JourneyRecord SelectIdp(JourneyRecord journey, IdpSelection selection, IIdpAvailability availability)
    {
        ArgumentNullException.ThrowIfNull(selection);
        ArgumentNullException.ThrowIfNull(availability);
        return Advance(journey, (state, j) => state.SelectIdp(j, selection, availability), selection.Intent);
    }

    /// <summary>
    /// The citizen goes back to the service without proving their identity: from SessionStarted or IdpSelected to
    /// <see cref="JourneyCancelledState"/>; from AwaitingCycle3Data to <see cref="Cycle3DataInputCancelledState"/>.
    /// </summary>
    public JourneyRecord Cancel(JourneyRecord journey) => Advance(journey, (state, j) => state.Cancel(j));

    private JourneyRecord Advance(
        JourneyRecord journey, Func<JourneyState, JourneyRecord, JourneyState> step, JourneyIntent? intent = null)
    {
        ArgumentNullException.ThrowIfNull(journey);
        var now = _time.GetUtcNow();
        var current = journey.ObservedAt(now);
        var next = step(current.State, current);
        var reachedIdp = current.HasReachedIdp || next is IdpSelectedState;
        return current.With(next, intent ?? current.Intent, reachedIdp, now, ExpiryAfter(current, next, reachedIdp, now));
    }

    /// <summary>
    /// Before an IDP: a short lifetime from the last step (a flood of requests expires within minutes). After:
    /// the session from the journey's start (Verify: 150 minutes). Finished: a short lifetime to answer the RP.
    /// Waiting on a matching service: a short lifetime after the answer is due, so the IDP's statements kept for it
    /// do not outlive a node that died mid-call by more than minutes (ADR 0018). Never beyond the session.
    /// </summary>
    private DateTimeOffset ExpiryAfter(JourneyRecord journey, JourneyState next, bool reachedIdp, DateTimeOffset now)
    {
        var sessionEnd = journey.CreatedAt + Options.SessionLifetime;
        var end = !reachedIdp ? now + Options.PreIdpLifetime
            : next.IsTerminal ? now + Options.FinishedLifetime
            : next is IMatchingRequestPending pending ? pending.AnswerDueBy + Options.FinishedLifetime
            : sessionEnd;
        return end < sessionEnd ? end : sessionEnd;
    }
}
