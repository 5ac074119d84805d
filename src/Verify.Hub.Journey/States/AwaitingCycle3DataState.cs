using System.Text.Json.Serialization;

using Verify.Hub.Journey.Model;

namespace Verify.Hub.Journey.States;

/// <summary>
/// Matching RPs: cycles 0 and 1 found no match and the RP names a cycle 3 attribute, so the citizen is asked for
/// one more identifier (e.g. a National Insurance number). They may decline.
/// </summary>
public sealed record AwaitingCycle3DataState : JourneyState
{
    [JsonConstructor]
    internal AwaitingCycle3DataState(SelectedIdp idp, IdpIdentity identity)
    {
        Idp = idp;
        Identity = identity;
    }

    /// <summary>The IDP that verified the citizen.</summary>
    public SelectedIdp Idp { get; }

    /// <summary>What the IDP established.</summary>
    public IdpIdentity Identity { get; }

    internal override bool Terminal => false;

    internal override JourneyState Cycle3DataSubmitted(JourneyRecord journey, string cycle3Value, string matchRequestId) =>
        new Cycle3MatchRequestSentState(Idp, Identity, cycle3Value, matchRequestId);

    internal override JourneyState Cancel(JourneyRecord journey) => new Cycle3DataInputCancelledState(Idp);
}
