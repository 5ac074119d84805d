using Verify.Hub.Journey.States;

namespace Verify.Hub.Journey.Outcomes;

/// <summary>
/// The one table of what the RP receives for each end state (ARCHITECTURE.md "What the RP receives for each end
/// state"; the same table is in <c>docs/adr/0008-journey.md</c>). The SAML and OIDC layers only render it.
/// </summary>
public static class RpOutcomes
{
    private const string AccessDenied = "access_denied";
    private const string InvalidRequest = "invalid_request";

    private static readonly RpOutcome AuthnFailed =
        new(RpStatus.Responder, RpSubStatus.AuthnFailed, RpOutcomeDetails.AuthnFailed, AccessDenied);

    /// <summary>
    /// The answer for <paramref name="state"/>, or null while the journey is still in progress (SessionStarted,
    /// IdpSelected, and the matching steps waiting on the matching service or the citizen): such a journey must be
    /// cancelled, or time out, before the RP is answered.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">A state this table does not know (fails closed).</exception>
    public static RpOutcome? For(JourneyState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        return state switch
        {
            NonMatchingJourneySuccessState => Success(RpOutcomeDetails.Verified),
            SuccessfulMatchState => Success(RpOutcomeDetails.Match),
            UserAccountCreatedState => Success(RpOutcomeDetails.Created),

            // Verify learned that off-the-shelf SPs reject Success + no-match: Responder + no-match.
            NoMatchState => new(RpStatus.Responder, RpSubStatus.NoMatch, RpOutcomeDetails.NoMatch, AccessDenied),
            AuthnFailedErrorState => AuthnFailed,

            // Fraud is never a success, and the RP is not told it was fraud: it hears a failed authentication.
            FraudEventDetectedState => AuthnFailed,
            RequesterErrorState => new(RpStatus.Requester, RpSubStatus.None, RpOutcomeDetails.RequesterError, InvalidRequest),

            // Every other error state: Responder + NoAuthnContext / access_denied, told apart by the detail.
            TimeoutState => NoAuthnContext(RpOutcomeDetails.Timeout),
            JourneyCancelledState => NoAuthnContext(RpOutcomeDetails.Cancelled),
            Cycle3DataInputCancelledState => NoAuthnContext(RpOutcomeDetails.Cycle3Cancelled),
            MatchingServiceRequestErrorState => NoAuthnContext(RpOutcomeDetails.MatchingServiceError),
            UserAccountCreationFailedState => NoAuthnContext(RpOutcomeDetails.CreateFailure),
            PausedRegistrationState => NoAuthnContext(RpOutcomeDetails.RegistrationPending),

            SessionStartedState or IdpSelectedState or Cycle0And1MatchRequestSentState or AwaitingCycle3DataState
                or Cycle3MatchRequestSentState or UserAccountCreationRequestSentState => null,
            _ => throw new ArgumentOutOfRangeException(nameof(state), state.Name, "No outcome defined for this state."),
        };
    }

    private static RpOutcome Success(string detail) => new(RpStatus.Success, RpSubStatus.None, detail, null);

    private static RpOutcome NoAuthnContext(string detail) =>
        new(RpStatus.Responder, RpSubStatus.NoAuthnContext, detail, AccessDenied);
}
