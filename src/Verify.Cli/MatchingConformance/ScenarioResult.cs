namespace Verify.Cli.MatchingConformance;

/// <summary>One scenario as it ran.</summary>
/// <param name="Scenario">The scenario.</param>
/// <param name="Outcome">Passed, failed or skipped.</param>
/// <param name="Steps">The steps sent, up to and including the first that failed.</param>
/// <param name="SkipReason">Why it was skipped, when it was.</param>
internal sealed record ScenarioResult(ConformanceScenario Scenario, ScenarioOutcome Outcome, IReadOnlyList<StepResult> Steps, string? SkipReason)
{
    /// <summary>The scenario's steps not sent because an earlier one failed.</summary>
    public int StepsNotSent => Outcome == ScenarioOutcome.Failed ? Scenario.Steps.Count - Steps.Count : 0;
}
