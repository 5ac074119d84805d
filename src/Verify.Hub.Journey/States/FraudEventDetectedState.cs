using System.Text.Json.Serialization;

using Verify.Hub.Journey.Model;

namespace Verify.Hub.Journey.States;

/// <summary>
/// The IDP answered <c>levelX</c> with fraud indicators. Never a success: the RP hears what it hears for a failed
/// authentication, the fraud itself goes only to the audit log. As in Verify, the citizen may choose another company.
/// </summary>
public sealed record FraudEventDetectedState : JourneyState
{
    [JsonConstructor]
    internal FraudEventDetectedState(SelectedIdp idp, FraudEvent fraud)
    {
        Idp = idp;
        Fraud = fraud;
    }

    /// <summary>The IDP that reported fraud.</summary>
    public SelectedIdp Idp { get; }

    /// <summary>The fraud indicators, for the audit event.</summary>
    public FraudEvent Fraud { get; }

    internal override bool Terminal => false;

    internal override JourneyState SelectIdp(JourneyRecord journey, IdpSelection selection, IIdpAvailability availability) =>
        TransitionRules.SelectIdp(this, journey, selection, availability);
}
