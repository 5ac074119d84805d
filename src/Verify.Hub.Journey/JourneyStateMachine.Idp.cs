using Verify.Hub.Journey.Model;

namespace Verify.Hub.Journey;

/// <summary>
/// The IDP's answer, one method per outcome of VERIFY-REFERENCE.md "IDP status → outcome". Each is allowed only in
/// IdpSelected, and only for an answer from the selected IDP to the request the hub sent it.
/// </summary>
public sealed partial class JourneyStateMachine
{
    /// <summary>
    /// Success at <paramref name="identity"/>'s level, which must be among the RP's accepted levels and the IDP's
    /// certified levels. An RP without matching is done (NonMatchingJourneySuccess); for an RP with matching the hub
    /// sends the matching query with ID <paramref name="matchRequestId"/> (Cycle0And1MatchRequestSent), whose answer is
    /// due <see cref="JourneyOptions.MatchingServiceWait"/> from now.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="matchRequestId"/> given for an RP without matching, or missing for one with it.</exception>
    public JourneyRecord IdpAuthnSucceeded(
        JourneyRecord journey, InboundResponse response, IdpIdentity identity, string? matchRequestId = null)
    {
        ArgumentNullException.ThrowIfNull(response);
        ArgumentNullException.ThrowIfNull(identity);
        var request = matchRequestId is null ? (NextMatchingRequest?)null : Request(Guard.Identifier(matchRequestId, nameof(matchRequestId)));
        return Advance(journey, (state, j) => state.IdpAuthnSucceeded(j, response, identity, request));
    }

    /// <summary>The citizen cancelled at the IDP: AuthnFailedError when registering, else back to SessionStarted.</summary>
    public JourneyRecord IdpAuthnCancelled(JourneyRecord journey, InboundResponse response) =>
        Advance(journey, (state, j) => state.IdpAuthnCancelled(j, Required(response)));

    /// <summary>The IDP had no authentication context: AuthnFailedError when registering, else SessionStarted.</summary>
    public JourneyRecord IdpNoAuthnContext(JourneyRecord journey, InboundResponse response) =>
        Advance(journey, (state, j) => state.IdpNoAuthnContext(j, Required(response)));

    /// <summary>The IDP could not raise the citizen's level: AuthnFailedError when registering, else SessionStarted.</summary>
    public JourneyRecord IdpUpliftFailed(JourneyRecord journey, InboundResponse response) =>
        Advance(journey, (state, j) => state.IdpUpliftFailed(j, Required(response)));

    /// <summary>The IDP could not authenticate the citizen: AuthnFailedError.</summary>
    public JourneyRecord IdpAuthnFailed(JourneyRecord journey, InboundResponse response) =>
        Advance(journey, (state, j) => state.IdpAuthnFailed(j, Required(response)));

    /// <summary>The IDP refused the hub's request (Requester, RequestDenied): RequesterError.</summary>
    public JourneyRecord IdpRequesterError(JourneyRecord journey, InboundResponse response) =>
        Advance(journey, (state, j) => state.IdpRequesterError(j, Required(response)));

    /// <summary>The IDP's registration is pending (<c>loa-pending</c>): PausedRegistration.</summary>
    public JourneyRecord IdpAuthnPending(JourneyRecord journey, InboundResponse response) =>
        Advance(journey, (state, j) => state.IdpAuthnPending(j, Required(response)));

    /// <summary>
    /// The IDP answered <c>levelX</c> with fraud indicators: FraudEventDetected. This is the only way a
    /// <c>levelX</c> answer enters the journey (<see cref="Assurance.AuthnContextClass.IsFraudMarker"/>).
    /// </summary>
    public JourneyRecord IdpFraudDetected(JourneyRecord journey, InboundResponse response, FraudEvent fraud)
    {
        ArgumentNullException.ThrowIfNull(fraud);
        return Advance(journey, (state, j) => state.IdpFraudDetected(j, Required(response), fraud));
    }

    private static InboundResponse Required(InboundResponse response) =>
        response ?? throw new ArgumentNullException(nameof(response));
}
