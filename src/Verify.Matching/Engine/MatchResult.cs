namespace Verify.Matching.Engine;

/// <summary>The engine's answer: the outcome, the last cycle that ran, and the record on a match.</summary>
/// <param name="Outcome">Match, no-match, or a reason treated as no-match.</param>
/// <param name="Cycle">The cycle that decided the outcome.</param>
/// <param name="RecordId">The department's record ID, only when <paramref name="Outcome"/> is <see cref="MatchOutcome.Match"/>.</param>
/// <param name="CandidateCount">How many records satisfied the rules (0, 1, or more).</param>
public sealed record MatchResult(MatchOutcome Outcome, MatchCycle Cycle, string? RecordId, int CandidateCount)
{
    /// <summary>True only for a single matching record.</summary>
    public bool IsMatch => Outcome == MatchOutcome.Match;

    internal static MatchResult FromCandidates(MatchCycle cycle, IReadOnlyList<string> recordIds) => recordIds.Count switch
    {
        0 => new MatchResult(MatchOutcome.NoMatch, cycle, null, 0),
        1 => new MatchResult(MatchOutcome.Match, cycle, recordIds[0], 1),

        // A wrong match shows one citizen another's records: more than one candidate is never a match.
        _ => new MatchResult(MatchOutcome.MultipleCandidates, cycle, null, recordIds.Count),
    };
}
