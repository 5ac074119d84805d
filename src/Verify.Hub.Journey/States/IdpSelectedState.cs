using System.Runtime.CompilerServices;
using System.Text.Json.Serialization;

using Verify.Hub.Journey.Model;

namespace Verify.Hub.Journey.States;

/// <summary>
/// The citizen chose an IDP and the hub sent it an authentication request; the journey waits for its answer.
/// Only an answer from that IDP, to that request, moves it on (VERIFY-REFERENCE.md, "IDP status → outcome").
/// Choosing again ("try another company", or the browser's back button) is allowed.
/// </summary>
public sealed record IdpSelectedState : JourneyState
{
    [JsonConstructor]
    internal IdpSelectedState(SelectedIdp idp)
    {
        Idp = idp;
    }

    /// <summary>The IDP the hub sent the citizen to.</summary>
    public SelectedIdp Idp { get; }

    internal override bool Terminal => false;

    internal override JourneyState SelectIdp(JourneyRecord journey, IdpSelection selection, IIdpAvailability availability) =>
        TransitionRules.SelectIdp(this, journey, selection, availability);

    internal override JourneyState Cancel(JourneyRecord journey) => new JourneyCancelledState();

    /// <summary>Success: matching RPs go to cycle 0/1 matching, others are done. LEVEL_X cannot arrive here.</summary>
    internal override JourneyState IdpAuthnSucceeded(
        JourneyRecord journey, InboundResponse response, IdpIdentity identity, NextMatchingRequest? matchRequest)
    {
        ExpectOurAnswer(response);
        TransitionRules.ExpectAcceptableLevel(this, journey, Idp, identity, nameof(IdpAuthnSucceeded));
        if (!journey.Rp.UsesMatching)
        {
            return matchRequest is null
                ? new NonMatchingJourneySuccessState(Idp, identity)
                : throw new ArgumentException("The RP does not use matching: no match request is sent.", nameof(matchRequest));
        }

        var request = matchRequest ?? throw new ArgumentException("The RP uses matching: a match request ID is needed.", nameof(matchRequest));
        return new Cycle0And1MatchRequestSentState(Idp, identity, request.Id, request.DueBy);
    }

    internal override JourneyState IdpAuthnCancelled(JourneyRecord journey, InboundResponse response) =>
        BackOrFailed(journey, response);

    internal override JourneyState IdpNoAuthnContext(JourneyRecord journey, InboundResponse response) =>
        BackOrFailed(journey, response);

    internal override JourneyState IdpUpliftFailed(JourneyRecord journey, InboundResponse response) =>
        BackOrFailed(journey, response);

    internal override JourneyState IdpAuthnFailed(JourneyRecord journey, InboundResponse response)
    {
        ExpectOurAnswer(response);
        return new AuthnFailedErrorState(Idp);
    }

    internal override JourneyState IdpRequesterError(JourneyRecord journey, InboundResponse response)
    {
        ExpectOurAnswer(response);
        return new RequesterErrorState(Idp);
    }

    internal override JourneyState IdpAuthnPending(JourneyRecord journey, InboundResponse response)
    {
        ExpectOurAnswer(response);
        return new PausedRegistrationState(Idp);
    }

    internal override JourneyState IdpFraudDetected(JourneyRecord journey, InboundResponse response, FraudEvent fraud)
    {
        ExpectOurAnswer(response);
        return new FraudEventDetectedState(Idp, fraud);
    }

    /// <summary>
    /// Verify: cancel, no authn context and uplift failed end in AuthnFailedError when registering, but a citizen
    /// signing in goes back to the start to choose again.
    /// </summary>
    private JourneyState BackOrFailed(JourneyRecord journey, InboundResponse response, [CallerMemberName] string transition = "")
    {
        ExpectOurAnswer(response, transition);
        return journey.Intent == JourneyIntent.Registration
            ? new AuthnFailedErrorState(Idp)
            : new SessionStartedState();
    }

    private void ExpectOurAnswer(InboundResponse response, [CallerMemberName] string transition = "") =>
        TransitionRules.ExpectAnswer(this, response, Idp.IdpId, Idp.AuthnRequestId, transition);
}
