using System.Text.Json.Serialization;

using Verify.Hub.Journey.Model;

namespace Verify.Hub.Journey.States;

/// <summary>
/// The IDP answered Requester (or RequestDenied): it refused the hub's request. The citizen may try another
/// company; otherwise the RP hears "invalid request".
/// </summary>
public sealed record RequesterErrorState : JourneyState
{
    [JsonConstructor]
    internal RequesterErrorState(SelectedIdp idp)
    {
        Idp = idp;
    }

    /// <summary>The IDP that answered.</summary>
    public SelectedIdp Idp { get; }

    internal override bool Terminal => false;

    internal override JourneyState SelectIdp(JourneyRecord journey, IdpSelection selection, IIdpAvailability availability) =>
        TransitionRules.SelectIdp(this, journey, selection, availability);
}
