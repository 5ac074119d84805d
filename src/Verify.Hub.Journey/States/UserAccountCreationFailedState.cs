using System.Text.Json.Serialization;

using Verify.Hub.Journey.Model;

namespace Verify.Hub.Journey.States;

/// <summary>
/// Matching RPs: the matching service could not create an account for the citizen (Verify's `create-failure`).
/// </summary>
public sealed record UserAccountCreationFailedState : JourneyState
{
    [JsonConstructor]
    internal UserAccountCreationFailedState(SelectedIdp idp)
    {
        Idp = idp;
    }

    /// <summary>The IDP that verified the citizen.</summary>
    public SelectedIdp Idp { get; }

    internal override bool Terminal => true;
}
