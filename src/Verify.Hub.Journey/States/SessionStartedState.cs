using System.Text.Json.Serialization;

using Verify.Hub.Journey.Model;

namespace Verify.Hub.Journey.States;

/// <summary>
/// The RP's request was accepted and the citizen is on the hub's pages: saying whether they sign in or register,
/// choosing a company. Also where a signing-in citizen returns when the IDP answers cancel, no authn context or
/// uplift failed (VERIFY-REFERENCE.md).
/// </summary>
public sealed record SessionStartedState : JourneyState
{
    [JsonConstructor]
    internal SessionStartedState()
    {
    }

    internal override bool Terminal => false;

    /// <summary>The start page's answer; the state stays (the machine records the intent).</summary>
    internal override JourneyState DeclareIntent(JourneyRecord journey) => this;

    internal override JourneyState SelectIdp(JourneyRecord journey, IdpSelection selection, IIdpAvailability availability) =>
        TransitionRules.SelectIdp(this, journey, selection, availability);

    internal override JourneyState Cancel(JourneyRecord journey) => new JourneyCancelledState();
}
