using System.Text.Json.Serialization;

using Verify.Hub.Journey.Model;

namespace Verify.Hub.Journey.States;

/// <summary>
/// Matching RPs: the matching service found no match and the RP names a cycle 3 attribute, so the citizen is asked
/// for one more identifier (e.g. a National Insurance number). They may decline. After a cycle 3 no-match they are
/// asked again while the journey has attempts left (<see cref="JourneyOptions.MaxCycle3Attempts"/>).
/// </summary>
public sealed record AwaitingCycle3DataState : JourneyState
{
    [JsonConstructor]
    internal AwaitingCycle3DataState(SelectedIdp idp, IdpIdentity identity, int attempts)
    {
        Idp = idp;
        Identity = identity;
        Attempts = attempts;
    }

    /// <summary>The IDP that verified the citizen.</summary>
    public SelectedIdp Idp { get; }

    /// <summary>What the IDP established.</summary>
    public IdpIdentity Identity { get; }

    /// <summary>How many cycle 3 requests this journey has already sent (none matched).</summary>
    public int Attempts { get; }

    internal override bool Terminal => false;

    internal override JourneyState Cycle3DataSubmitted(JourneyRecord journey, string cycle3Value, NextMatchingRequest request) =>
        new Cycle3MatchRequestSentState(Idp, Identity, cycle3Value, request.Id, request.DueBy, Attempts + 1);

    internal override JourneyState Cancel(JourneyRecord journey) => new Cycle3DataInputCancelledState(Idp);

    /// <summary>Shows neither the identity nor its evidence: they describe a person.</summary>
    public override string ToString() => $"{Name} {{ Idp = {Idp.IdpId}, Attempts = {Attempts} }}";
}
