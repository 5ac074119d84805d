using Verify.Hub.Journey.Errors;
using Verify.Hub.Journey.Model;
using Verify.Hub.Journey.States;

using static Verify.Hub.Journey.Tests.Support.Fixtures;

namespace Verify.Hub.Journey.Tests.Transitions;

/// <summary>
/// VERIFY-REFERENCE.md: no match in cycle 0/1 → AwaitingCycle3Data if the RP names a cycle 3 attribute; else
/// account creation if it lists account-creation attributes; else NoMatch. Same after cycle 3.
/// </summary>
public sealed class MatchingBranchTests
{
    [TestCase("Cycle0And1MatchRequestSent", true, true, "AwaitingCycle3Data")]
    [TestCase("Cycle0And1MatchRequestSent", true, false, "AwaitingCycle3Data")]
    [TestCase("Cycle0And1MatchRequestSent", false, true, "UserAccountCreationRequestSent")]
    [TestCase("Cycle0And1MatchRequestSent", false, false, "NoMatch")]
    [TestCase("Cycle3MatchRequestSent", true, true, "UserAccountCreationRequestSent")]
    [TestCase("Cycle3MatchRequestSent", true, false, "NoMatch")]
    public void NoMatch_LeadsToTheRpsNextStep(string from, bool cycle3, bool accountCreation, string expected)
    {
        var machine = Machine(Clock());
        var journey = JourneyIn(State(from), MatchingRp(cycle3, accountCreation));

        var next = machine.NoMatchFound(journey, MatchingAnswer(), FollowUpRequestId);

        Assert.That(next.State.Name, Is.EqualTo(expected));
    }

    [Test]
    public void AccountCreationAfterCycle3_CarriesTheCycle3ValueAndTheNewRequestId()
    {
        var machine = Machine(Clock());
        var journey = JourneyIn(State("Cycle3MatchRequestSent"), MatchingRp());

        var next = (UserAccountCreationRequestSentState)machine.NoMatchFound(journey, MatchingAnswer(), FollowUpRequestId).State;

        Assert.That((next.Cycle3Value, next.RequestId), Is.EqualTo(("QQ123456C", FollowUpRequestId)));
    }

    [Test]
    public void AccountCreationAnswer_MustNameTheAccountCreationQuery()
    {
        var machine = Machine(Clock());
        var journey = machine.NoMatchFound(
            JourneyIn(State("Cycle0And1MatchRequestSent"), MatchingRp(cycle3: false)), MatchingAnswer(), FollowUpRequestId);

        var stale = Assert.Throws<JourneyRuleException>(() => machine.UserAccountCreated(journey, MatchingAnswer()));
        var created = machine.UserAccountCreated(journey, MatchingAnswer(FollowUpRequestId));

        Assert.That(stale!.Rule, Is.EqualTo(JourneyRule.UnexpectedInResponseTo));
        Assert.That(created.State, Is.TypeOf<UserAccountCreatedState>());
    }

    [TestCase("Cycle0And1MatchRequestSent")]
    [TestCase("Cycle3MatchRequestSent")]
    public void MatchAnswer_FromAnotherParty_IsRefused(string from)
    {
        var machine = Machine(Clock());
        var journey = JourneyIn(State(from), MatchingRp());

        var refused = Assert.Throws<JourneyRuleException>(() =>
            machine.MatchFound(journey, new InboundResponse(IdpA, MatchRequestId)));

        Assert.That(refused!.Rule, Is.EqualTo(JourneyRule.UnexpectedIssuer));
    }

    [Test]
    public void MatchingServiceFailure_ForAnotherQuery_IsRefused()
    {
        var machine = Machine(Clock());
        var journey = JourneyIn(State("Cycle0And1MatchRequestSent"), MatchingRp());

        var refused = Assert.Throws<JourneyRuleException>(() => machine.MatchingServiceFailed(journey, "_old-query"));

        Assert.That(refused!.Rule, Is.EqualTo(JourneyRule.UnexpectedInResponseTo));
    }
}
