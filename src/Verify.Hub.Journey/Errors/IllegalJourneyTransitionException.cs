namespace Verify.Hub.Journey.Errors;

/// <summary>
/// The step is not allowed from the journey's current state (ARCHITECTURE.md: an illegal transition is refused
/// and audited), e.g. an IDP answer for a journey that is not waiting for one, or any step after a timeout.
/// </summary>
public sealed class IllegalJourneyTransitionException : JourneyException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="state">The current state's name.</param>
    /// <param name="transition">The refused step's name.</param>
    public IllegalJourneyTransitionException(string state, string transition)
        : base(state, transition, $"'{transition}' is not allowed in state '{state}'.")
    {
    }
}
