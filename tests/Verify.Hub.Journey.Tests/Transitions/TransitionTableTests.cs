using Verify.Hub.Journey.Errors;
using Verify.Hub.Journey.Model;
using Verify.Hub.Journey.Tests.Support;

using static Verify.Hub.Journey.Tests.Support.Fixtures;

namespace Verify.Hub.Journey.Tests.Transitions;

/// <summary>
/// The transition table as a table (STYLE.md): every (state, step) pair, for a registering and a signing-in
/// citizen, of a matching RP with cycle 3 and account creation. A pair in <see cref="Allowed"/> leads to the state
/// named there; every other pair throws <see cref="IllegalJourneyTransitionException"/>.
/// </summary>
public sealed class TransitionTableTests
{
    /// <summary>From, step, to (registering). VERIFY-REFERENCE.md "Transitions worth keeping".</summary>
    private static readonly (string From, string Step, string To)[] Allowed =
    [
        ("SessionStarted", "DeclareIntent", "SessionStarted"),
        ("SessionStarted", "SelectIdp", "IdpSelected"),
        ("SessionStarted", "Cancel", "JourneyCancelled"),
        ("IdpSelected", "SelectIdp", "IdpSelected"),
        ("IdpSelected", "Cancel", "JourneyCancelled"),
        ("IdpSelected", "IdpAuthnSucceeded", "Cycle0And1MatchRequestSent"),
        ("IdpSelected", "IdpAuthnCancelled", "AuthnFailedError"),
        ("IdpSelected", "IdpNoAuthnContext", "AuthnFailedError"),
        ("IdpSelected", "IdpUpliftFailed", "AuthnFailedError"),
        ("IdpSelected", "IdpAuthnFailed", "AuthnFailedError"),
        ("IdpSelected", "IdpRequesterError", "RequesterError"),
        ("IdpSelected", "IdpAuthnPending", "PausedRegistration"),
        ("IdpSelected", "IdpFraudDetected", "FraudEventDetected"),
        ("AuthnFailedError", "SelectIdp", "IdpSelected"),
        ("FraudEventDetected", "SelectIdp", "IdpSelected"),
        ("RequesterError", "SelectIdp", "IdpSelected"),
        ("Cycle0And1MatchRequestSent", "MatchFound", "SuccessfulMatch"),
        ("Cycle0And1MatchRequestSent", "NoMatchFound", "AwaitingCycle3Data"),
        ("Cycle0And1MatchRequestSent", "MatchingServiceFailed", "MatchingServiceRequestError"),
        ("AwaitingCycle3Data", "Cycle3DataSubmitted", "Cycle3MatchRequestSent"),
        ("AwaitingCycle3Data", "Cancel", "Cycle3DataInputCancelled"),
        ("Cycle3MatchRequestSent", "MatchFound", "SuccessfulMatch"),
        ("Cycle3MatchRequestSent", "NoMatchFound", "UserAccountCreationRequestSent"),
        ("Cycle3MatchRequestSent", "MatchingServiceFailed", "MatchingServiceRequestError"),
        ("UserAccountCreationRequestSent", "UserAccountCreated", "UserAccountCreated"),
        ("UserAccountCreationRequestSent", "UserAccountCreationFailed", "UserAccountCreationFailed"),
        ("UserAccountCreationRequestSent", "MatchingServiceFailed", "MatchingServiceRequestError"),
    ];

    /// <summary>Where a signing-in citizen goes instead: back to the start, to choose again.</summary>
    private static readonly (string From, string Step, string To)[] SigningInDifferences =
    [
        ("IdpSelected", "IdpAuthnCancelled", "SessionStarted"),
        ("IdpSelected", "IdpNoAuthnContext", "SessionStarted"),
        ("IdpSelected", "IdpUpliftFailed", "SessionStarted"),
    ];

    /// <summary>Every step, with inputs that are valid for the fixture journey in any state that allows it.</summary>
    internal static readonly Dictionary<string, Func<JourneyStateMachine, JourneyRecord, JourneyRecord>> Steps = new()
    {
        ["DeclareIntent"] = (m, j) => m.DeclareIntent(j, JourneyIntent.Registration),
        ["SelectIdp"] = (m, j) => m.SelectIdp(j, new IdpSelection(IdpA, j.Intent ?? JourneyIntent.SignIn, "_hub-authn-2"), Availability()),
        ["Cancel"] = (m, j) => m.Cancel(j),
        ["IdpAuthnSucceeded"] = (m, j) => m.IdpAuthnSucceeded(j, IdpAnswer(), Identity(), MatchRequestId),
        ["IdpAuthnCancelled"] = (m, j) => m.IdpAuthnCancelled(j, IdpAnswer()),
        ["IdpNoAuthnContext"] = (m, j) => m.IdpNoAuthnContext(j, IdpAnswer()),
        ["IdpUpliftFailed"] = (m, j) => m.IdpUpliftFailed(j, IdpAnswer()),
        ["IdpAuthnFailed"] = (m, j) => m.IdpAuthnFailed(j, IdpAnswer()),
        ["IdpRequesterError"] = (m, j) => m.IdpRequesterError(j, IdpAnswer()),
        ["IdpAuthnPending"] = (m, j) => m.IdpAuthnPending(j, IdpAnswer()),
        ["IdpFraudDetected"] = (m, j) => m.IdpFraudDetected(j, IdpAnswer(), Fraud()),
        ["MatchFound"] = (m, j) => m.MatchFound(j, MatchingAnswer(), "<ms:Assertion/>"),
        ["NoMatchFound"] = (m, j) => m.NoMatchFound(j, MatchingAnswer(), FollowUpRequestId),
        ["Cycle3DataSubmitted"] = (m, j) => m.Cycle3DataSubmitted(j, "QQ123456C", "_hub-match-3"),
        ["UserAccountCreated"] = (m, j) => m.UserAccountCreated(j, MatchingAnswer(), "<ms:Assertion/>"),
        ["UserAccountCreationFailed"] = (m, j) => m.UserAccountCreationFailed(j, MatchingAnswer()),
        ["MatchingServiceFailed"] = (m, j) => m.MatchingServiceFailed(j, MatchRequestId),
    };

    public static IEnumerable<TestCaseData> EveryPair()
    {
        foreach (var intent in new[] { JourneyIntent.Registration, JourneyIntent.SignIn })
        {
            foreach (var state in AllStateNames)
            {
                foreach (var step in Steps.Keys)
                {
                    var expected = Expected(state, step, intent);
                    yield return new TestCaseData(intent, state, step, expected)
                        .SetName($"{state}_{step}_{intent}_{expected ?? "Illegal"}");
                }
            }
        }
    }

    [TestCaseSource(nameof(EveryPair))]
    public void Step_LeadsToTheTablesStateOrIsIllegal(JourneyIntent intent, string from, string step, string? expected)
    {
        var machine = Machine(Clock());
        var journey = JourneyIn(State(from), MatchingRp(), intent);

        if (expected is null)
        {
            var refused = Assert.Throws<IllegalJourneyTransitionException>(() => Steps[step](machine, journey));
            Assert.That((refused!.State, refused.Transition), Is.EqualTo((from, step)));
        }
        else
        {
            var next = Steps[step](machine, journey);
            Assert.That(next.State.Name, Is.EqualTo(expected));
            Assert.That((next.Id, next.Version, next.Rp), Is.EqualTo((journey.Id, journey.Version, journey.Rp)));
        }
    }

    [Test]
    public void Table_CoversEveryStateAndEveryPublicStep()
    {
        var machineSteps = typeof(JourneyStateMachine).GetMethods()
            .Where(m => m.ReturnType == typeof(JourneyRecord) && m.GetParameters().FirstOrDefault()?.ParameterType == typeof(JourneyRecord))
            .Select(m => m.Name)
            .Where(n => n != nameof(JourneyStateMachine.Observe));

        Assert.That(Steps.Keys, Is.EquivalentTo(machineSteps));
        Assert.That(Allowed.Select(a => a.From).Concat(Allowed.Select(a => a.To)).Distinct(), Is.SubsetOf(AllStateNames));
        Assert.That(AllStateNames, Has.Count.EqualTo(19));
    }

    private static string? Expected(string from, string step, JourneyIntent intent)
    {
        var row = intent == JourneyIntent.SignIn
            ? SigningInDifferences.FirstOrDefault(r => r.From == from && r.Step == step)
            : default;
        if (row.To is null)
        {
            row = Allowed.FirstOrDefault(r => r.From == from && r.Step == step);
        }

        return row.To;
    }
}
