using System.Text.Json.Serialization;

using Verify.Hub.Journey.Model;

namespace Verify.Hub.Journey.States;

/// <summary>
/// The IDP could not authenticate the citizen, or a registering citizen cancelled (or the IDP had no authn
/// context, or uplift failed). The citizen may try another company; otherwise the RP hears "authentication failed".
/// </summary>
public sealed record AuthnFailedErrorState : JourneyState
{
    [JsonConstructor]
    internal AuthnFailedErrorState(SelectedIdp idp)
    {
        Idp = idp;
    }

    /// <summary>The IDP that answered.</summary>
    public SelectedIdp Idp { get; }

    internal override bool Terminal => false;

    internal override JourneyState SelectIdp(JourneyRecord journey, IdpSelection selection, IIdpAvailability availability) =>
        TransitionRules.SelectIdp(this, journey, selection, availability);
}
