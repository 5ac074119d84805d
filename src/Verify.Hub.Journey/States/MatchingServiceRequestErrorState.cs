using System.Text.Json.Serialization;

using Verify.Hub.Journey.Model;

namespace Verify.Hub.Journey.States;

/// <summary>
/// Matching RPs: the matching service failed, refused our query, gave an answer the hub refused, or did not answer in
/// time (<see cref="JourneyOptions.MatchingServiceWait"/>; Verify waited 60 s).
/// </summary>
public sealed record MatchingServiceRequestErrorState : JourneyState
{
    [JsonConstructor]
    internal MatchingServiceRequestErrorState(SelectedIdp idp, bool noAnswerInTime = false)
    {
        Idp = idp;
        NoAnswerInTime = noAnswerInTime;
    }

    /// <summary>The IDP that verified the citizen.</summary>
    public SelectedIdp Idp { get; }

    /// <summary>
    /// True when no answer came before it was due: the journey reads so from then on, on every node, without any node
    /// having written it (ADR 0018), so the audit event for it is written when the RP is answered.
    /// </summary>
    public bool NoAnswerInTime { get; }

    internal override bool Terminal => true;
}
