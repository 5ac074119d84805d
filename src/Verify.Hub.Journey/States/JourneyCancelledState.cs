using System.Text.Json.Serialization;

namespace Verify.Hub.Journey.States;

/// <summary>
/// The citizen chose to go back to the service without proving their identity, from the hub's pages or while the
/// IDP had them. Not one of Verify's states (its RPs heard nothing); ours answer the RP, so a cancel needs its own
/// outcome: "no authentication context" with the detail <c>cancelled</c>.
/// </summary>
public sealed record JourneyCancelledState : JourneyState
{
    [JsonConstructor]
    internal JourneyCancelledState()
    {
    }

    internal override bool Terminal => true;
}
