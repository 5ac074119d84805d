namespace Verify.Cli.MatchingConformance;

/// <summary>A whole run: the target, when it started, and every scenario's result in order.</summary>
internal sealed record ConformanceResult(ConformanceTarget Target, DateTimeOffset StartedAt, IReadOnlyList<ScenarioResult> Scenarios)
{
    public int Passed => Scenarios.Count(s => s.Outcome == ScenarioOutcome.Passed);

    public int Failed => Scenarios.Count(s => s.Outcome == ScenarioOutcome.Failed);

    public int Skipped => Scenarios.Count(s => s.Outcome == ScenarioOutcome.Skipped);

    /// <summary>Conformant: no scenario failed and at least one ran (skipped scenarios neither pass nor fail).</summary>
    public bool AllPassed => Failed == 0 && Passed > 0;
}
