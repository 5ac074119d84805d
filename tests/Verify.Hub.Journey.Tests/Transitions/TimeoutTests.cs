using Verify.Hub.Journey.Errors;
using Verify.Hub.Journey.Model;
using Verify.Hub.Journey.States;

using static Verify.Hub.Journey.Tests.Support.Fixtures;

namespace Verify.Hub.Journey.Tests.Transitions;

/// <summary>ARCHITECTURE.md: every state can time out, checked whenever a journey is read (TimeProvider-based).</summary>
public sealed class TimeoutTests
{
    public static IEnumerable<string> States => AllStateNames.Where(s => s != "Timeout");

    [TestCaseSource(nameof(States))]
    public void ReadAtExpiry_IsTimeoutRememberingTheStateItExpiredIn(string state)
    {
        var clock = Clock();
        var machine = Machine(clock);
        var journey = JourneyIn(State(state));
        clock.SetUtcNow(journey.ExpiresAt);

        var read = machine.Observe(journey);

        Assert.That(read.State, Is.TypeOf<TimeoutState>());
        Assert.That(((TimeoutState)read.State).TimedOutIn, Is.EqualTo(state));
        Assert.That((read.Version, read.ExpiresAt), Is.EqualTo((journey.Version, journey.ExpiresAt)));
    }

    /// <summary>The states not waiting on a matching service (those read as an error once the answer is overdue: MatchingWaitTests).</summary>
    public static IEnumerable<string> UnboundedStates => States.Where(s => State(s) is not IMatchingRequestPending);

    [TestCaseSource(nameof(UnboundedStates))]
    public void ReadJustBeforeExpiry_IsUnchanged(string state)
    {
        var clock = Clock();
        var journey = JourneyIn(State(state));
        clock.SetUtcNow(journey.ExpiresAt.AddTicks(-1));

        Assert.That(Machine(clock).Observe(journey), Is.SameAs(journey));
    }

    [Test]
    public void StepAfterExpiry_IsIllegalFromTimeout()
    {
        var clock = Clock();
        var machine = Machine(clock);
        var journey = machine.SelectIdp(
            machine.Start(NonMatchingRp()), new IdpSelection(IdpA, JourneyIntent.SignIn, AuthnRequestId), Availability());
        clock.Advance(machine.Options.SessionLifetime);

        var refused = Assert.Throws<IllegalJourneyTransitionException>(() =>
            machine.IdpAuthnSucceeded(journey, IdpAnswer(), Identity()));

        Assert.That((refused!.State, refused.Transition), Is.EqualTo(("Timeout", "IdpAuthnSucceeded")));
    }

    [Test]
    public void UntouchedNewJourney_TimesOutAfterThePreIdpLifetime()
    {
        var clock = Clock();
        var machine = Machine(clock);
        var journey = machine.Start(NonMatchingRp());

        clock.Advance(TimeSpan.FromMinutes(5) - TimeSpan.FromSeconds(1));
        var before = machine.Observe(journey);
        clock.Advance(TimeSpan.FromSeconds(1));
        var after = machine.Observe(journey);

        Assert.That(before.State, Is.TypeOf<SessionStartedState>());
        Assert.That(after.State, Is.TypeOf<TimeoutState>());
    }

    [Test]
    public void TimedOutJourney_StaysTimedOut()
    {
        var clock = Clock();
        var machine = Machine(clock);
        var journey = JourneyIn(State("Timeout"));
        clock.Advance(TimeSpan.FromDays(1));

        Assert.That(machine.Observe(journey), Is.SameAs(journey));
    }
}
