using System.Text.Json.Serialization;

using Verify.Hub.Journey.Model;

namespace Verify.Hub.Journey.States;

/// <summary>
/// Matching RPs: asked for a cycle 3 identifier, the citizen declined. The RP hears "no authentication context"
/// with the detail `cycle3-cancelled`.
/// </summary>
public sealed record Cycle3DataInputCancelledState : JourneyState
{
    [JsonConstructor]
    internal Cycle3DataInputCancelledState(SelectedIdp idp)
    {
        Idp = idp;
    }

    /// <summary>The IDP that verified the citizen.</summary>
    public SelectedIdp Idp { get; }

    internal override bool Terminal => true;
}
