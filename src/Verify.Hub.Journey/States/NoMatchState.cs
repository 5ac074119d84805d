using System.Text.Json.Serialization;

using Verify.Hub.Journey.Model;

namespace Verify.Hub.Journey.States;

/// <summary>
/// Matching RPs: the matching service found no record for the citizen, and neither cycle 3 nor account creation
/// is left to try. The RP hears Responder with Verify's `no-match` code (not Success: off-the-shelf SPs reject
/// Success + no-match).
/// </summary>
public sealed record NoMatchState : JourneyState
{
    [JsonConstructor]
    internal NoMatchState(SelectedIdp idp)
    {
        Idp = idp;
    }

    /// <summary>The IDP that verified the citizen.</summary>
    public SelectedIdp Idp { get; }

    internal override bool Terminal => true;
}
