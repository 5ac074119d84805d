using Verify.Hub.Journey.Assurance;
using Verify.Hub.Journey.Errors;
using Verify.Hub.Journey.Model;
using Verify.Hub.Journey.States;
using Verify.Hub.Journey.Tests.Support;

using static Verify.Hub.Journey.Tests.Support.Fixtures;

namespace Verify.Hub.Journey.Tests.Transitions;

/// <summary>
/// Selecting an IDP (VERIFY-REFERENCE.md): only one the federation offers this RP, for the citizen's choice, at a
/// level the RP accepts; "try another company" from the error states; a late answer from the first IDP is refused.
/// </summary>
public sealed class IdpSelectionRuleTests
{
    [Test]
    public void SelectIdp_RefusesAnUnknownIdp()
    {
        var refused = SelectRefused(NonMatchingRp(), "https://unknown.test/idp", Availability());

        Assert.That(refused.Rule, Is.EqualTo(JourneyRule.IdpNotAvailable));
    }

    [Test]
    public void SelectIdp_RefusesAnIdpOnboardedOnlyForAnotherRp()
    {
        var availability = new FakeIdpAvailability().Offer(IdpA, LevelOfAssuranceSet.Of(L2), onlyRp: "https://other-rp.test");

        var refused = SelectRefused(NonMatchingRp(), IdpA, availability);

        Assert.That(refused.Rule, Is.EqualTo(JourneyRule.IdpNotAvailable));
    }

    [Test]
    public void SelectIdp_RefusesAnIdpCertifiedForNoLevelTheRpAccepts()
    {
        var availability = new FakeIdpAvailability().Offer(IdpA, LevelOfAssuranceSet.Of(L1));

        var refused = SelectRefused(NonMatchingRp(L2, L3), IdpA, availability);

        Assert.That(refused.Rule, Is.EqualTo(JourneyRule.NoCommonLevelOfAssurance));
    }

    [Test]
    public void SelectIdp_AsksForTheLowestLevelBothAcceptAndSnapshotsTheCertifiedLevels()
    {
        var machine = Machine(Clock());
        var availability = new FakeIdpAvailability().Offer(IdpA, LevelOfAssuranceSet.Of(L1, L2, L3));

        var journey = machine.SelectIdp(
            machine.Start(NonMatchingRp(L2, L3)), new IdpSelection(IdpA, JourneyIntent.SignIn, AuthnRequestId), availability);

        var idp = ((IdpSelectedState)journey.State).Idp;
        Assert.That(idp.RequestedLevel, Is.EqualTo(L2));
        Assert.That(idp.CertifiedLevels, Is.EqualTo(LevelOfAssuranceSet.Of(L1, L2, L3)));
        Assert.That((idp.IdpId, idp.AuthnRequestId), Is.EqualTo((IdpA, AuthnRequestId)));
    }

    [TestCase("AuthnFailedError")]
    [TestCase("FraudEventDetected")]
    [TestCase("RequesterError")]
    [TestCase("IdpSelected")]
    public void TryAnotherCompany_SelectsAnotherIdpFrom(string state)
    {
        var machine = Machine(Clock());
        var journey = JourneyIn(State(state), NonMatchingRp());

        var next = machine.SelectIdp(journey, new IdpSelection(IdpB, JourneyIntent.SignIn, "_hub-authn-2"), Availability());

        Assert.That(((IdpSelectedState)next.State).Idp.IdpId, Is.EqualTo(IdpB));
    }

    [Test]
    public void AnswerFromTheFirstIdp_IsRefusedAfterTheCitizenChoseAnother()
    {
        var machine = Machine(Clock());
        var first = machine.SelectIdp(machine.Start(NonMatchingRp()), new IdpSelection(IdpA, JourneyIntent.SignIn, AuthnRequestId), Availability());
        var second = machine.SelectIdp(first, new IdpSelection(IdpB, JourneyIntent.SignIn, "_hub-authn-2"), Availability());

        var refused = Assert.Throws<JourneyRuleException>(() => machine.IdpAuthnSucceeded(second, IdpAnswer(), Identity()));

        Assert.That(refused!.Rule, Is.EqualTo(JourneyRule.UnexpectedIssuer));
    }

    [Test]
    public void SelectIdp_RefusalNamesTheStateAndStep()
    {
        var refused = SelectRefused(NonMatchingRp(), "https://unknown.test/idp", Availability());

        Assert.That((refused.State, refused.Transition), Is.EqualTo(("SessionStarted", "SelectIdp")));
        Assert.That(refused.Message, Does.Not.Contain("unknown.test"));
    }

    private static JourneyRuleException SelectRefused(RpRequest rp, string idpId, IIdpAvailability availability)
    {
        var machine = Machine(Clock());
        var journey = machine.Start(rp);
        return Assert.Throws<JourneyRuleException>(() =>
            machine.SelectIdp(journey, new IdpSelection(idpId, JourneyIntent.SignIn, AuthnRequestId), availability))!;
    }
}
