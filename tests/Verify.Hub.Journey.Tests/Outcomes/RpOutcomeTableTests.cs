using Verify.Hub.Journey.Outcomes;

using static Verify.Hub.Journey.Tests.Support.Fixtures;

namespace Verify.Hub.Journey.Tests.Outcomes;

/// <summary>ARCHITECTURE.md "What the RP receives for each end state", as a table.</summary>
public sealed class RpOutcomeTableTests
{
    private static readonly (string State, RpStatus Status, RpSubStatus Sub, string Detail, string? Oidc)[] Table =
    [
        ("NonMatchingJourneySuccess", RpStatus.Success, RpSubStatus.None, "verified", null),
        ("SuccessfulMatch", RpStatus.Success, RpSubStatus.None, "match", null),
        ("UserAccountCreated", RpStatus.Success, RpSubStatus.None, "created", null),
        ("NoMatch", RpStatus.Responder, RpSubStatus.NoMatch, "no-match", "access_denied"),
        ("AuthnFailedError", RpStatus.Responder, RpSubStatus.AuthnFailed, "authn-failed", "access_denied"),
        ("FraudEventDetected", RpStatus.Responder, RpSubStatus.AuthnFailed, "authn-failed", "access_denied"),
        ("RequesterError", RpStatus.Requester, RpSubStatus.None, "requester-error", "invalid_request"),
        ("Timeout", RpStatus.Responder, RpSubStatus.NoAuthnContext, "timeout", "access_denied"),
        ("JourneyCancelled", RpStatus.Responder, RpSubStatus.NoAuthnContext, "cancelled", "access_denied"),
        ("Cycle3DataInputCancelled", RpStatus.Responder, RpSubStatus.NoAuthnContext, "cycle3-cancelled", "access_denied"),
        ("MatchingServiceRequestError", RpStatus.Responder, RpSubStatus.NoAuthnContext, "matching-service-error", "access_denied"),
        ("UserAccountCreationFailed", RpStatus.Responder, RpSubStatus.NoAuthnContext, "create-failure", "access_denied"),
        ("PausedRegistration", RpStatus.Responder, RpSubStatus.NoAuthnContext, "registration-pending", "access_denied"),
    ];

    private static readonly string[] SuccessStates = ["NonMatchingJourneySuccess", "SuccessfulMatch", "UserAccountCreated"];

    private static readonly string[] InProgress =
    [
        "SessionStarted", "IdpSelected", "Cycle0And1MatchRequestSent", "AwaitingCycle3Data", "Cycle3MatchRequestSent",
        "UserAccountCreationRequestSent",
    ];

    public static IEnumerable<TestCaseData> Rows() =>
        Table.Select(r => new TestCaseData(r.State, r.Status, r.Sub, r.Detail, r.Oidc).SetName($"Outcome_{r.State}_Is_{r.Status}_{r.Detail}"));

    [TestCaseSource(nameof(Rows))]
    public void EndState_GivesTheRpItsOutcome(string state, RpStatus status, RpSubStatus sub, string detail, string? oidc)
    {
        var outcome = RpOutcomes.For(State(state));

        Assert.That(outcome, Is.EqualTo(new RpOutcome(status, sub, detail, oidc)));
    }

    [TestCaseSource(nameof(InProgress))]
    public void JourneyInProgress_HasNoOutcomeYet(string state)
    {
        Assert.That(RpOutcomes.For(State(state)), Is.Null);
    }

    [Test]
    public void Table_CoversEveryState()
    {
        Assert.That(Table.Select(r => r.State).Concat(InProgress), Is.EquivalentTo(AllStateNames));
    }

    [Test]
    public void Fraud_IsNeverSuccessAndLooksToTheRpLikeAFailedAuthentication()
    {
        var fraud = RpOutcomes.For(State("FraudEventDetected"))!;

        Assert.That(fraud.IsSuccess, Is.False);
        Assert.That(fraud, Is.EqualTo(RpOutcomes.For(State("AuthnFailedError"))));
    }

    [Test]
    public void OnlyTheThreeSuccessStates_AreSuccess()
    {
        var successes = AllStateNames.Where(s => RpOutcomes.For(State(s))?.IsSuccess == true);

        Assert.That(successes, Is.EquivalentTo(SuccessStates));
    }

    [Test]
    public void ErrorDetails_TellEveryNoAuthnContextStateApart()
    {
        var details = Table.Where(r => r.Sub == RpSubStatus.NoAuthnContext).Select(r => r.Detail);

        Assert.That(details, Is.Unique);
    }

    [Test]
    public void TerminalStates_AllHaveAnOutcome()
    {
        var terminal = AllStateNames.Where(s => State(s).IsTerminal);

        Assert.That(terminal.Select(s => RpOutcomes.For(State(s))), Has.None.Null);
    }
}
