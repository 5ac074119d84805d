namespace Verify.Cli.MatchingConformance;

/// <summary>
/// A named journey of one or more requests to the department's local matching service, each with the answer it
/// expects. Only <see cref="ScenarioReader"/> makes one, from a checked scenario file.
/// </summary>
/// <param name="Name">Unique in the set: lower-case letters, digits and hyphens.</param>
/// <param name="Description">What the scenario is about, for the report.</param>
/// <param name="Source">The file (and line, for JSON Lines) it came from.</param>
/// <param name="Steps">The requests, sent in order with one match ID and one hashed PID.</param>
internal sealed record ConformanceScenario(string Name, string Description, string Source, IReadOnlyList<ScenarioStep> Steps)
{
    /// <summary>True when a step needs the account-creation URL.</summary>
    public bool NeedsAccountCreation => Steps.Any(s => s.Kind == StepKind.AccountCreation);
}
