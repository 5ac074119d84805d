using System.Text.Json.Serialization;

namespace Verify.Hub.Journey.States;

/// <summary>
/// The journey was read after its expiry (ARCHITECTURE.md: every state can time out, checked whenever a journey is
/// read, by any node). Nothing moves it on; the RP hears "no authentication context" with the detail <c>timeout</c>.
/// </summary>
public sealed record TimeoutState : JourneyState
{
    [JsonConstructor]
    internal TimeoutState(string timedOutIn)
    {
        TimedOutIn = timedOutIn;
    }

    /// <summary>The name of the state the journey was in when it expired, for the audit event.</summary>
    public string TimedOutIn { get; }

    internal override bool Terminal => true;
}
