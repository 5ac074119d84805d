namespace Verify.Cli.MatchingConformance;

/// <summary>The scenarios to run, or every problem found reading them (nothing runs when there is one).</summary>
/// <param name="Scenarios">The checked scenarios, in file-name order.</param>
/// <param name="Problems">What is wrong, each naming its file (and line) and field.</param>
internal sealed record ScenarioSet(IReadOnlyList<ConformanceScenario> Scenarios, IReadOnlyList<string> Problems)
{
    /// <summary>True when there are scenarios and no problem.</summary>
    public bool IsUsable => Problems.Count == 0 && Scenarios.Count > 0;
}
