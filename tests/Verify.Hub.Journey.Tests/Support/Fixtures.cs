using System.Reflection;
using System.Text.Json.Serialization;

using Microsoft.Extensions.Time.Testing;

using Verify.Hub.Journey.Assurance;
using Verify.Hub.Journey.Model;
using Verify.Hub.Journey.States;

namespace Verify.Hub.Journey.Tests.Support;

/// <summary>The parties, requests and journeys the tests share. Every journey in a state is built consistently.</summary>
internal static class Fixtures
{
    public const string RpId = "https://rp.test/SAML2/metadata";
    public const string RpRequestId = "_rp-request-1";
    public const string IdpA = "https://idp-a.test/metadata";
    public const string IdpB = "https://idp-b.test/metadata";
    public const string AuthnRequestId = "_hub-authn-1";
    public const string MatchingServiceId = "https://ms.test/metadata";
    public const string MatchRequestId = "_hub-match-1";
    public const string FollowUpRequestId = "_hub-create-1";

    public static readonly DateTimeOffset StartTime = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);

    /// <summary>When the fixture's pending matching request is due: the default wait after <see cref="StartTime"/>.</summary>
    public static readonly DateTimeOffset AnswerDueBy = StartTime + new JourneyOptions().MatchingServiceWait;

    public static LevelOfAssurance L1 => LevelOfAssurance.Level1;

    public static LevelOfAssurance L2 => LevelOfAssurance.Level2;

    public static LevelOfAssurance L3 => LevelOfAssurance.Level3;

    /// <summary>Every state's stored name, from the discriminators on <see cref="JourneyState"/>.</summary>
    public static IReadOnlyList<string> AllStateNames { get; } = [.. typeof(JourneyState)
        .GetCustomAttributes<JsonDerivedTypeAttribute>()
        .Select(a => (string)a.TypeDiscriminator!)];

    public static FakeTimeProvider Clock() => new(StartTime);

    public static JourneyStateMachine Machine(FakeTimeProvider clock, JourneyOptions? options = null) =>
        new(clock, options ?? new JourneyOptions());

    public static RpRequest NonMatchingRp(params LevelOfAssurance[] accepted) =>
        new(RpId, RpRequestId, "relay-1", new LevelOfAssuranceSet(accepted.Length == 0 ? [L2] : accepted));

    public static RpRequest MatchingRp(bool cycle3 = true, bool accountCreation = true) =>
        new(RpId, RpRequestId, "relay-1", LevelOfAssuranceSet.Of(L2), new RpMatching(
            MatchingServiceId,
            cycle3 ? "NationalInsuranceNumber" : null,
            accountCreation ? ["firstname", "surname", "dateofbirth"] : []));

    /// <summary>IDP A for sign-in and registration at LEVEL_1 and LEVEL_2; IDP B at LEVEL_2 for sign-in only.</summary>
    public static FakeIdpAvailability Availability() => new FakeIdpAvailability()
        .Offer(IdpA, LevelOfAssuranceSet.Of(L1, L2))
        .Offer(IdpB, LevelOfAssuranceSet.Of(L2), registration: false);

    public static SelectedIdp SelectedIdpA() => new(IdpA, AuthnRequestId, LevelOfAssuranceSet.Of(L1, L2), L2);

    public static IdpIdentity Identity(LevelOfAssurance? level = null) =>
        new("idp-pid-0123456789", level ?? L2, """{"firstName":"Jane"}""", "<saml:Assertion/>");

    public static InboundResponse IdpAnswer() => new(IdpA, AuthnRequestId);

    public static InboundResponse MatchingAnswer(string requestId = MatchRequestId) => new(MatchingServiceId, requestId);

    public static FraudEvent Fraud() => new("fraud-event-1", "IT01");

    /// <summary>A state as a journey in it would hold it; pending matching requests are all <see cref="MatchRequestId"/>.</summary>
    public static JourneyState State(string name)
    {
        var idp = SelectedIdpA();
        return name switch
        {
            "SessionStarted" => new SessionStartedState(),
            "IdpSelected" => new IdpSelectedState(idp),
            "NonMatchingJourneySuccess" => new NonMatchingJourneySuccessState(idp, Identity()),
            "AuthnFailedError" => new AuthnFailedErrorState(idp),
            "FraudEventDetected" => new FraudEventDetectedState(idp, Fraud()),
            "RequesterError" => new RequesterErrorState(idp),
            "PausedRegistration" => new PausedRegistrationState(idp),
            "Timeout" => new TimeoutState("IdpSelected"),
            "JourneyCancelled" => new JourneyCancelledState(),
            "Cycle0And1MatchRequestSent" => new Cycle0And1MatchRequestSentState(idp, Identity(), MatchRequestId, AnswerDueBy),
            "SuccessfulMatch" => new SuccessfulMatchState(idp, Identity(), "<ms:Assertion/>"),
            "NoMatch" => new NoMatchState(idp),
            "AwaitingCycle3Data" => new AwaitingCycle3DataState(idp, Identity(), 0),

            // The last attempt the default options allow, so a no-match moves on to account creation or NoMatch.
            "Cycle3MatchRequestSent" => new Cycle3MatchRequestSentState(
                idp, Identity(), "QQ123456C", MatchRequestId, AnswerDueBy, new JourneyOptions().MaxCycle3Attempts),
            "Cycle3DataInputCancelled" => new Cycle3DataInputCancelledState(idp),
            "UserAccountCreationRequestSent" => new UserAccountCreationRequestSentState(idp, Identity(), null, MatchRequestId, AnswerDueBy),
            "UserAccountCreated" => new UserAccountCreatedState(idp, Identity(), null),
            "UserAccountCreationFailed" => new UserAccountCreationFailedState(idp),
            "MatchingServiceRequestError" => new MatchingServiceRequestErrorState(idp),
            _ => throw new ArgumentOutOfRangeException(nameof(name), name, "No fixture for this state."),
        };
    }

    /// <summary>
    /// A stored-looking journey (version 3) in <paramref name="state"/>, started at <see cref="StartTime"/>, expiring at
    /// the session end (a journey waiting on a matching service: a finished lifetime after the answer is due).
    /// </summary>
    public static JourneyRecord JourneyIn(JourneyState state, RpRequest? rp = null, JourneyIntent? intent = JourneyIntent.Registration) =>
        new(
            JourneyId.New(),
            3,
            rp ?? MatchingRp(),
            intent,
            state is not SessionStartedState,
            state,
            StartTime,
            StartTime,
            state is IMatchingRequestPending pending
                ? pending.AnswerDueBy + new JourneyOptions().FinishedLifetime
                : StartTime + new JourneyOptions().SessionLifetime);
}
