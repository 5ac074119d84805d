using Verify.Hub.Journey.Errors;
using Verify.Hub.Journey.Model;
using Verify.Hub.Journey.States;

using static Verify.Hub.Journey.Tests.Support.Fixtures;

namespace Verify.Hub.Journey.Tests.Transitions;

/// <summary>What changes when the citizen registers rather than signs in (VERIFY-REFERENCE.md).</summary>
public sealed class RegistrationVsSignInTests
{
    private static readonly Func<JourneyStateMachine, JourneyRecord, JourneyRecord>[] BackOrFailedSteps =
    [
        (m, j) => m.IdpAuthnCancelled(j, IdpAnswer()),
        (m, j) => m.IdpNoAuthnContext(j, IdpAnswer()),
        (m, j) => m.IdpUpliftFailed(j, IdpAnswer()),
    ];

    [TestCase(0, JourneyIntent.Registration, typeof(AuthnFailedErrorState))]
    [TestCase(0, JourneyIntent.SignIn, typeof(SessionStartedState))]
    [TestCase(1, JourneyIntent.Registration, typeof(AuthnFailedErrorState))]
    [TestCase(1, JourneyIntent.SignIn, typeof(SessionStartedState))]
    [TestCase(2, JourneyIntent.Registration, typeof(AuthnFailedErrorState))]
    [TestCase(2, JourneyIntent.SignIn, typeof(SessionStartedState))]
    public void CancelNoAuthnContextOrUpliftFailed_FailsWhenRegistering_ReturnsToStartWhenSigningIn(
        int step, JourneyIntent intent, Type expected)
    {
        var machine = Machine(Clock());
        var journey = Selected(machine, intent);

        var next = BackOrFailedSteps[step](machine, journey);

        Assert.That(next.State, Is.TypeOf(expected));
    }

    [TestCase(JourneyIntent.Registration)]
    [TestCase(JourneyIntent.SignIn)]
    public void AuthnFailed_IsAuthnFailedErrorEitherWay(JourneyIntent intent)
    {
        var machine = Machine(Clock());

        var next = machine.IdpAuthnFailed(Selected(machine, intent), IdpAnswer());

        Assert.That(next.State, Is.TypeOf<AuthnFailedErrorState>());
    }

    [Test]
    public void SigningInCitizenSentBackToStart_KeepsTheSessionLifetimeAndCanChooseAgain()
    {
        var machine = Machine(Clock());
        var back = machine.IdpAuthnCancelled(Selected(machine, JourneyIntent.SignIn), IdpAnswer());

        var again = machine.SelectIdp(back, new IdpSelection(IdpB, JourneyIntent.SignIn, "_hub-authn-2"), Availability());

        Assert.That(back.HasReachedIdp, Is.True);
        Assert.That(back.ExpiresAt, Is.EqualTo(StartTime + machine.Options.SessionLifetime));
        Assert.That(((IdpSelectedState)again.State).Idp.IdpId, Is.EqualTo(IdpB));
    }

    [Test]
    public void DeclareIntent_RecordsTheChoiceAndKeepsSessionStarted()
    {
        var machine = Machine(Clock());

        var journey = machine.DeclareIntent(machine.Start(NonMatchingRp()), JourneyIntent.Registration);

        Assert.That(journey.Intent, Is.EqualTo(JourneyIntent.Registration));
        Assert.That(journey.State, Is.TypeOf<SessionStartedState>());
    }

    [Test]
    public void SelectIdp_RecordsTheIntentItWasChosenWith()
    {
        var machine = Machine(Clock());
        var journey = machine.DeclareIntent(machine.Start(NonMatchingRp()), JourneyIntent.Registration);

        var selected = machine.SelectIdp(journey, new IdpSelection(IdpA, JourneyIntent.SignIn, AuthnRequestId), Availability());

        Assert.That(selected.Intent, Is.EqualTo(JourneyIntent.SignIn));
    }

    [Test]
    public void SelectIdp_RefusesAnIdpThatOffersOnlySignInToARegisteringCitizen()
    {
        var machine = Machine(Clock());
        var journey = machine.Start(NonMatchingRp());

        var refused = Assert.Throws<JourneyRuleException>(() =>
            machine.SelectIdp(journey, new IdpSelection(IdpB, JourneyIntent.Registration, AuthnRequestId), Availability()));
        var signIn = machine.SelectIdp(journey, new IdpSelection(IdpB, JourneyIntent.SignIn, AuthnRequestId), Availability());

        Assert.That(refused!.Rule, Is.EqualTo(JourneyRule.IdpNotAvailable));
        Assert.That(signIn.State, Is.TypeOf<IdpSelectedState>());
    }

    private static JourneyRecord Selected(JourneyStateMachine machine, JourneyIntent intent) =>
        machine.SelectIdp(machine.Start(NonMatchingRp()), new IdpSelection(IdpA, intent, AuthnRequestId), Availability());
}
