namespace Verify.Hub.Journey.Errors;

/// <summary>
/// The state allows the step but a journey rule refuses it (an IDP not offered to this RP, an answer from the
/// wrong party or at a level that is not accepted). The journey is unchanged.
/// </summary>
public sealed class JourneyRuleException : JourneyException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="rule">The broken rule.</param>
    /// <param name="state">The current state's name.</param>
    /// <param name="transition">The refused step's name.</param>
    public JourneyRuleException(JourneyRule rule, string state, string transition)
        : base(state, transition, $"'{transition}' in state '{state}' refused: {rule}.")
    {
        Rule = rule;
    }

    /// <summary>The broken rule.</summary>
    public JourneyRule Rule { get; }
}
