using Verify.Hub.Journey.Model;

using static Verify.Hub.Journey.Tests.Support.Fixtures;

namespace Verify.Hub.Journey.Tests.Model;

/// <summary>The journey's inputs are bounded, and nothing personal shows when a journey is logged.</summary>
public sealed class ModelTests
{
    [Test]
    public void IdpIdentity_ToStringShowsOnlyTheLevel()
    {
        var text = Identity().ToString();

        Assert.That(text, Is.EqualTo("IdpIdentity { Level = LEVEL_2 }"));
    }

    [TestCase("NonMatchingJourneySuccess")]
    [TestCase("SuccessfulMatch")]
    [TestCase("Cycle3MatchRequestSent")]
    [TestCase("UserAccountCreationRequestSent")]
    [TestCase("AwaitingCycle3Data")]
    public void JourneyAndState_ToStringLeakNoPersonalDataOrJourneyId(string state)
    {
        var journey = JourneyIn(State(state));

        var text = journey + " " + journey.State;

        Assert.That(text, Does.Not.Contain("idp-pid").And.Not.Contain("Jane").And.Not.Contain("QQ123456C").And.Not.Contain("Assertion"));
        Assert.That(text, Does.Not.Contain(journey.Id.Value));
    }

    [Test]
    public void RpRequest_RefusesMissingAndOversizedValues()
    {
        var levels = Verify.Hub.Journey.Assurance.LevelOfAssuranceSet.Of(L2);
        var tooLong = new string('a', 1025);
        var tooMany = Enumerable.Range(0, 17).ToDictionary(i => $"k{i}", i => "v");

        Assert.Multiple(() =>
        {
            Assert.Throws<ArgumentException>(() => _ = new RpRequest("", RpRequestId, null, levels));
            Assert.Throws<ArgumentException>(() => _ = new RpRequest(RpId, tooLong, null, levels));
            Assert.Throws<ArgumentException>(() => _ = new RpRequest(RpId, RpRequestId, new string('a', RpRequest.MaxRelayStateLength + 1), levels));
            Assert.Throws<ArgumentException>(() => _ = new RpRequest(RpId, RpRequestId, null, levels, protocolData: tooMany));
            Assert.Throws<ArgumentNullException>(() => _ = new RpRequest(RpId, RpRequestId, null, null!));
        });
    }

    [Test]
    public void IdpSelection_RefusesAnUndefinedIntent()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => _ = new IdpSelection(IdpA, (JourneyIntent)7, AuthnRequestId));
    }

    [Test]
    public void RpRequest_UsesMatchingOnlyWithAMatchingConfiguration()
    {
        Assert.That(NonMatchingRp().UsesMatching, Is.False);
        Assert.That(MatchingRp().UsesMatching, Is.True);
        Assert.That(MatchingRp(cycle3: false, accountCreation: false).Matching!.HasCycle3, Is.False);
    }
}
