namespace Verify.Hub.Journey.Errors;

/// <summary>
/// A refused journey step. The journey is unchanged; the hub shows the citizen an error page and writes one
/// audit event. Messages name states, steps and rules only, never personal data or the journey ID (a bearer
/// secret), so they are safe to log.
/// </summary>
public abstract class JourneyException : Exception
{
    private protected JourneyException(string state, string transition, string message)
        : base(message)
    {
        State = state;
        Transition = transition;
    }

    /// <summary>The state the journey was in (its stored name, e.g. <c>IdpSelected</c>).</summary>
    public string State { get; }

    /// <summary>The refused step (the <see cref="JourneyStateMachine"/> method name, e.g. <c>SelectIdp</c>).</summary>
    public string Transition { get; }
}
