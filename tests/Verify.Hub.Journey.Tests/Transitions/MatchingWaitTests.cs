using Verify.Hub.Journey.Errors;
using Verify.Hub.Journey.Model;
using Verify.Hub.Journey.Outcomes;
using Verify.Hub.Journey.States;

using static Verify.Hub.Journey.Tests.Support.Fixtures;

namespace Verify.Hub.Journey.Tests.Transitions;

/// <summary>
/// ADR 0018: the instant a matching service's answer is due is recorded with the journey when the request is sent;
/// from then on every read of the journey, on any node, is MatchingServiceRequestError, and a late answer is refused.
/// </summary>
public sealed class MatchingWaitTests
{
    public static IEnumerable<string> PendingStates =>
        ["Cycle0And1MatchRequestSent", "Cycle3MatchRequestSent", "UserAccountCreationRequestSent"];

    [Test]
    public void IdpSuccessForAMatchingRp_RecordsWhenTheAnswerIsDue()
    {
        var clock = Clock();
        var machine = Machine(clock, new JourneyOptions { MatchingServiceWait = TimeSpan.FromSeconds(12) });
        var selected = JourneyIn(State("IdpSelected"), MatchingRp());

        var sent = machine.IdpAuthnSucceeded(selected, IdpAnswer(), Identity(), MatchRequestId);

        var pending = (Cycle0And1MatchRequestSentState)sent.State;
        Assert.That(pending.AnswerDueBy, Is.EqualTo(StartTime.AddSeconds(12)));
        Assert.That(sent.ExpiresAt, Is.EqualTo(pending.AnswerDueBy + machine.Options.FinishedLifetime), "the IDP's statements do not outlive the wait by more than minutes");
    }

    [TestCaseSource(nameof(PendingStates))]
    public void ReadJustBeforeTheAnswerIsDue_IsUnchanged(string state)
    {
        var clock = Clock();
        var journey = JourneyIn(State(state));
        clock.SetUtcNow(AnswerDueBy.AddTicks(-1));

        Assert.That(Machine(clock).Observe(journey), Is.SameAs(journey));
    }

    [TestCaseSource(nameof(PendingStates))]
    public void ReadOnceTheAnswerIsDue_IsMatchingServiceRequestError_WithoutAWrite(string state)
    {
        var clock = Clock();
        var journey = JourneyIn(State(state));
        clock.SetUtcNow(AnswerDueBy);

        var read = Machine(clock).Observe(journey);

        Assert.That(read.State, Is.TypeOf<MatchingServiceRequestErrorState>());
        Assert.That(((MatchingServiceRequestErrorState)read.State).NoAnswerInTime, Is.True);
        Assert.That((read.Version, read.ExpiresAt, read.UpdatedAt), Is.EqualTo((journey.Version, journey.ExpiresAt, journey.UpdatedAt)));
        Assert.That(RpOutcomes.For(read.State)!.Detail, Is.EqualTo(RpOutcomeDetails.MatchingServiceError));
    }

    [Test]
    public void AnswerAfterItWasDue_IsRefused()
    {
        var clock = Clock();
        var machine = Machine(clock);
        var journey = JourneyIn(State("Cycle0And1MatchRequestSent"));
        clock.SetUtcNow(AnswerDueBy);

        var refused = Assert.Throws<IllegalJourneyTransitionException>(() => machine.MatchFound(journey, MatchingAnswer(), "<ms:Assertion/>"));

        Assert.That(refused!.State, Is.EqualTo("MatchingServiceRequestError"));
    }

    [Test]
    public void OverdueJourney_StillTimesOutAtItsExpiry()
    {
        var clock = Clock();
        var journey = JourneyIn(State("Cycle0And1MatchRequestSent"));
        clock.SetUtcNow(journey.ExpiresAt);

        Assert.That(Machine(clock).Observe(journey).State, Is.TypeOf<TimeoutState>());
    }

    [Test]
    public void NoMatchLeadingToAccountCreation_SetsANewDueInstant()
    {
        var clock = Clock();
        var machine = Machine(clock);
        var journey = JourneyIn(State("Cycle0And1MatchRequestSent"), MatchingRp(cycle3: false));
        clock.Advance(TimeSpan.FromSeconds(10));

        var next = (UserAccountCreationRequestSentState)machine.NoMatchFound(journey, MatchingAnswer(), FollowUpRequestId).State;

        Assert.That(next.AnswerDueBy, Is.EqualTo(StartTime.AddSeconds(10) + machine.Options.MatchingServiceWait));
    }

    [TestCase(0)]
    [TestCase(-1)]
    public void NonPositiveWait_IsRefused(int seconds) =>
        Assert.Throws<ArgumentException>(() => new JourneyOptions { MatchingServiceWait = TimeSpan.FromSeconds(seconds) }.Validate());

    [TestCase(0)]
    [TestCase(11)]
    public void Cycle3AttemptsOutOfRange_AreRefused(int attempts) =>
        Assert.Throws<ArgumentException>(() => new JourneyOptions { MaxCycle3Attempts = attempts }.Validate());
}
