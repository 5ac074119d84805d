using System.Text.Json.Serialization;

using Verify.Hub.Journey.Model;

namespace Verify.Hub.Journey.States;

/// <summary>
/// Matching RPs: the matching service created an account for the citizen (Verify's `created`).
/// </summary>
public sealed record UserAccountCreatedState : JourneyState
{
    [JsonConstructor]
    internal UserAccountCreatedState(SelectedIdp idp, IdpIdentity identity, string? evidence)
    {
        Idp = idp;
        Identity = identity;
        Evidence = evidence;
    }

    /// <summary>The IDP that verified the citizen.</summary>
    public SelectedIdp Idp { get; }

    /// <summary>What the IDP established.</summary>
    public IdpIdentity Identity { get; }

    /// <summary>
    /// The matching service's own statement (its signed assertion, as the protocol layer keeps it), relayed to the
    /// RP in end-to-end trust mode; null when not kept. Opaque to the journey.
    /// </summary>
    public string? Evidence { get; }

    internal override bool Terminal => true;

    /// <summary>Shows no evidence: it describes a person.</summary>
    public override string ToString() => $"{Name} {{ Idp = {Idp.IdpId}, Identity = {Identity} }}";
}
