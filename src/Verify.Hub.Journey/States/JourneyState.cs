using System.Runtime.CompilerServices;
using System.Text.Json.Serialization;

using Verify.Hub.Journey.Errors;

namespace Verify.Hub.Journey.States;

/// <summary>
/// Where a journey is: one type per state of Verify's policy service, named <c>…State</c> (STYLE.md). A state
/// holds only what the next steps need. Transitions are methods that return the next state; each state overrides
/// the ones it allows and every other one throws <see cref="IllegalJourneyTransitionException"/>. The hub calls
/// them through <see cref="JourneyStateMachine"/>, which also keeps the version and times.
/// </summary>
/// <remarks>
/// Stored as JSON with a stable discriminator (<c>"state"</c>); the names are part of the stored format and of
/// the audit vocabulary, so they never change. Only this assembly can add a state.
/// </remarks>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "state")]
[JsonDerivedType(typeof(SessionStartedState), "SessionStarted")]
[JsonDerivedType(typeof(IdpSelectedState), "IdpSelected")]
[JsonDerivedType(typeof(NonMatchingJourneySuccessState), "NonMatchingJourneySuccess")]
[JsonDerivedType(typeof(AuthnFailedErrorState), "AuthnFailedError")]
[JsonDerivedType(typeof(FraudEventDetectedState), "FraudEventDetected")]
[JsonDerivedType(typeof(RequesterErrorState), "RequesterError")]
[JsonDerivedType(typeof(PausedRegistrationState), "PausedRegistration")]
[JsonDerivedType(typeof(TimeoutState), "Timeout")]
[JsonDerivedType(typeof(JourneyCancelledState), "JourneyCancelled")]
[JsonDerivedType(typeof(Cycle0And1MatchRequestSentState), "Cycle0And1MatchRequestSent")]
[JsonDerivedType(typeof(SuccessfulMatchState), "SuccessfulMatch")]
[JsonDerivedType(typeof(NoMatchState), "NoMatch")]
[JsonDerivedType(typeof(AwaitingCycle3DataState), "AwaitingCycle3Data")]
[JsonDerivedType(typeof(Cycle3MatchRequestSentState), "Cycle3MatchRequestSent")]
[JsonDerivedType(typeof(Cycle3DataInputCancelledState), "Cycle3DataInputCancelled")]
[JsonDerivedType(typeof(UserAccountCreationRequestSentState), "UserAccountCreationRequestSent")]
[JsonDerivedType(typeof(UserAccountCreatedState), "UserAccountCreated")]
[JsonDerivedType(typeof(UserAccountCreationFailedState), "UserAccountCreationFailed")]
[JsonDerivedType(typeof(MatchingServiceRequestErrorState), "MatchingServiceRequestError")]
public abstract partial record JourneyState
{
    private const string Suffix = "State";

    private protected JourneyState()
    {
    }

    /// <summary>The state's stored and audited name: the type name without <c>State</c>, e.g. <c>IdpSelected</c>.</summary>
    [JsonIgnore]
    public string Name => GetType().Name[..^Suffix.Length];

    /// <summary>
    /// True when no step leads anywhere from here (only a timeout can still replace it): the journey is over and
    /// the RP can be answered with <see cref="Outcomes.RpOutcomes.For"/>.
    /// </summary>
    [JsonIgnore]
    public bool IsTerminal => Terminal;

    /// <summary>Whether the state is terminal; abstract and internal, so no other assembly can derive a state.</summary>
    [JsonIgnore]
    internal abstract bool Terminal { get; }

    /// <summary>The refusal for a step this state does not allow.</summary>
    private protected IllegalJourneyTransitionException Illegal([CallerMemberName] string transition = "") =>
        new(Name, transition);

    /// <summary>A rule refusal for a step this state allows.</summary>
    private protected JourneyRuleException Refuse(JourneyRule rule, [CallerMemberName] string transition = "") =>
        new(rule, Name, transition);
}
