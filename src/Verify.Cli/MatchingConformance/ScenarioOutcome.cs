namespace Verify.Cli.MatchingConformance;

/// <summary>How a scenario ended.</summary>
internal enum ScenarioOutcome
{
    /// <summary>Every step answered as expected.</summary>
    Passed = 0,

    /// <summary>A step did not; the steps after it were not sent.</summary>
    Failed = 1,

    /// <summary>Not run: it needs the account-creation URL, which was not given.</summary>
    Skipped = 2,
}
