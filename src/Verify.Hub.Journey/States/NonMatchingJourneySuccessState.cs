using System.Text.Json.Serialization;

using Verify.Hub.Journey.Model;

namespace Verify.Hub.Journey.States;

/// <summary>
/// An RP without matching: the IDP verified the citizen at a level the RP accepts and the IDP is certified for.
/// The hub answers the RP with the verified identity (its pairwise identifier, never the IDP's own).
/// </summary>
public sealed record NonMatchingJourneySuccessState : JourneyState
{
    [JsonConstructor]
    internal NonMatchingJourneySuccessState(SelectedIdp idp, IdpIdentity identity)
    {
        Idp = idp;
        Identity = identity;
    }

    /// <summary>The IDP that verified the citizen.</summary>
    public SelectedIdp Idp { get; }

    /// <summary>What the IDP established.</summary>
    public IdpIdentity Identity { get; }

    internal override bool Terminal => true;
}
