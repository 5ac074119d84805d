using System.Text.Json.Serialization;

using Verify.Hub.Journey.Model;

namespace Verify.Hub.Journey.States;

/// <summary>
/// The IDP answered that registration is pending (<c>loa-pending</c>): the citizen finishes it with the IDP later
/// and starts again from the service. Terminal, as in Verify.
/// </summary>
public sealed record PausedRegistrationState : JourneyState
{
    [JsonConstructor]
    internal PausedRegistrationState(SelectedIdp idp)
    {
        Idp = idp;
    }

    /// <summary>The IDP holding the paused registration.</summary>
    public SelectedIdp Idp { get; }

    internal override bool Terminal => true;
}
