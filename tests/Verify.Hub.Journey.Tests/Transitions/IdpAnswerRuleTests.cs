using Verify.Hub.Journey.Assurance;
using Verify.Hub.Journey.Errors;
using Verify.Hub.Journey.Model;
using Verify.Hub.Journey.States;

using static Verify.Hub.Journey.Tests.Support.Fixtures;

namespace Verify.Hub.Journey.Tests.Transitions;

/// <summary>
/// The IDP's answer, "break one thing": from a valid success, change one fact and see that one rule refuse it,
/// with the journey unchanged (VERIFY-REFERENCE.md: issuer = selected IDP; LoA among the RP's accepted levels and
/// among the IDP's certified levels).
/// </summary>
public sealed class IdpAnswerRuleTests
{
    public static IEnumerable<TestCaseData> BrokenAnswers()
    {
        yield return new TestCaseData(new InboundResponse(IdpB, AuthnRequestId), L2, JourneyRule.UnexpectedIssuer)
            .SetName("Success_FromAnotherIdp_IsRefused");
        yield return new TestCaseData(new InboundResponse(IdpA, "_another-request"), L2, JourneyRule.UnexpectedInResponseTo)
            .SetName("Success_ToAnotherRequest_IsRefused");
        yield return new TestCaseData(IdpAnswer(), L1, JourneyRule.LevelNotAcceptedByRp)
            .SetName("Success_AtALevelTheRpDoesNotAccept_IsRefused");
        yield return new TestCaseData(IdpAnswer(), L3, JourneyRule.LevelNotCertifiedForIdp)
            .SetName("Success_AtALevelTheIdpIsNotCertifiedFor_IsRefused");
    }

    [TestCaseSource(nameof(BrokenAnswers))]
    public void BrokenSuccess_IsRefusedByItsRule(InboundResponse response, LevelOfAssurance level, JourneyRule rule)
    {
        var machine = Machine(Clock());
        var journey = Selected(machine, NonMatchingRp(L2, L3));

        var refused = Assert.Throws<JourneyRuleException>(() => machine.IdpAuthnSucceeded(journey, response, Identity(level)));

        Assert.That(refused!.Rule, Is.EqualTo(rule));
        Assert.That(journey.State, Is.TypeOf<IdpSelectedState>());
    }

    [Test]
    public void Success_ForAnRpWithoutMatching_IsNonMatchingJourneySuccessWithTheIdentity()
    {
        var machine = Machine(Clock());
        var identity = Identity(L2);

        var next = machine.IdpAuthnSucceeded(Selected(machine, NonMatchingRp()), IdpAnswer(), identity);

        var success = (NonMatchingJourneySuccessState)next.State;
        Assert.That((success.Identity, success.Idp.IdpId), Is.EqualTo((identity, IdpA)));
    }

    [Test]
    public void Success_ForAMatchingRp_SendsTheMatchQuery()
    {
        var machine = Machine(Clock());

        var next = machine.IdpAuthnSucceeded(Selected(machine, MatchingRp()), IdpAnswer(), Identity(), MatchRequestId);

        Assert.That(((Cycle0And1MatchRequestSentState)next.State).MatchRequestId, Is.EqualTo(MatchRequestId));
    }

    [Test]
    public void Success_WithAMatchRequestForAnRpWithoutMatching_IsAProgrammingError()
    {
        var machine = Machine(Clock());
        var journey = Selected(machine, NonMatchingRp());

        Assert.Throws<ArgumentException>(() => machine.IdpAuthnSucceeded(journey, IdpAnswer(), Identity(), MatchRequestId));
    }

    [Test]
    public void Success_WithoutAMatchRequestForAMatchingRp_IsAProgrammingError()
    {
        var machine = Machine(Clock());
        var journey = Selected(machine, MatchingRp());

        Assert.Catch<ArgumentException>(() => machine.IdpAuthnSucceeded(journey, IdpAnswer(), Identity()));
    }

    [Test]
    public void OtherOutcomes_FromAnotherIdp_AreRefusedToo()
    {
        var machine = Machine(Clock());
        var journey = Selected(machine, NonMatchingRp());
        var stranger = new InboundResponse(IdpB, AuthnRequestId);

        Assert.Multiple(() =>
        {
            Assert.Throws<JourneyRuleException>(() => machine.IdpAuthnFailed(journey, stranger));
            Assert.Throws<JourneyRuleException>(() => machine.IdpAuthnCancelled(journey, stranger));
            Assert.Throws<JourneyRuleException>(() => machine.IdpFraudDetected(journey, stranger, Fraud()));
            Assert.Throws<JourneyRuleException>(() => machine.IdpAuthnPending(journey, stranger));
            Assert.Throws<JourneyRuleException>(() => machine.IdpRequesterError(journey, stranger));
        });
    }

    [Test]
    public void Fraud_KeepsTheIndicatorsForTheAuditAndDropsNoIdentityIntoTheJourney()
    {
        var machine = Machine(Clock());

        var next = machine.IdpFraudDetected(Selected(machine, NonMatchingRp()), IdpAnswer(), Fraud());

        var fraud = (FraudEventDetectedState)next.State;
        Assert.That((fraud.Fraud.IdpFraudEventId, fraud.Fraud.Gpg45Status), Is.EqualTo(("fraud-event-1", "IT01")));
    }

    private static JourneyRecord Selected(JourneyStateMachine machine, RpRequest rp) =>
        machine.SelectIdp(machine.Start(rp), new IdpSelection(IdpA, JourneyIntent.SignIn, AuthnRequestId), Availability());
}
