using Verify.Matching.Requests;

namespace Verify.Cli.MatchingConformance;

/// <summary>
/// One request of a scenario and the answer it expects, checked by <see cref="ScenarioReader"/>. The tool fills in the
/// request's <c>matchId</c> and <c>hashedPid</c> (<see cref="ConformanceRunner"/>), so files never carry them.
/// </summary>
/// <param name="Kind">Match request or account creation request.</param>
/// <param name="LevelOfAssurance">LEVEL_1 … LEVEL_4.</param>
/// <param name="MatchingDataset">The identity sent with a match request; null for account creation.</param>
/// <param name="Cycle3Dataset">The cycle 3 identifier, when the match request is a cycle 3 one.</param>
/// <param name="Expect">The answer expected.</param>
/// <param name="RecordId">With <see cref="Expectation.Match"/>: the conformance record that should match, checked when the endpoint names one.</param>
/// <param name="Why">Why the expectation holds, shown when the step fails.</param>
internal sealed record ScenarioStep(
    StepKind Kind,
    string LevelOfAssurance,
    MatchingDataset? MatchingDataset,
    Cycle3Dataset? Cycle3Dataset,
    Expectation Expect,
    string? RecordId,
    string? Why)
{
    /// <summary>The <c>result</c> values a well-formed answer to this kind of request may carry.</summary>
    public IReadOnlyList<string> WellFormedResults => Kind == StepKind.Match ? AnswerValues.MatchResults : AnswerValues.AccountCreationResults;

    /// <summary>The expectation as the report prints it: <c>match</c>, <c>no-match</c>, <c>match or no-match</c> ….</summary>
    public string ExpectedText => Expect == Expectation.Any ? string.Join(" or ", WellFormedResults) : AnswerValues.Of(Expect);

    /// <summary>True when a well-formed <paramref name="result"/> is the one expected.</summary>
    public bool Accepts(string result) =>
        Expect == Expectation.Any
            ? WellFormedResults.Contains(result, StringComparer.Ordinal)
            : string.Equals(result, AnswerValues.Of(Expect), StringComparison.Ordinal);
}
