using System.Text.Json.Serialization;

using Verify.Hub.Journey.Model;

namespace Verify.Hub.Journey.States;

/// <summary>
/// Matching RPs: the matching service failed, refused our query or did not answer in time (Verify waited 60 s).
/// </summary>
public sealed record MatchingServiceRequestErrorState : JourneyState
{
    [JsonConstructor]
    internal MatchingServiceRequestErrorState(SelectedIdp idp)
    {
        Idp = idp;
    }

    /// <summary>The IDP that verified the citizen.</summary>
    public SelectedIdp Idp { get; }

    internal override bool Terminal => true;
}
