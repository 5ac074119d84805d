namespace Verify.Matching.Engine;

/// <summary>What a match attempt concluded. Only <see cref="Match"/> is a match: every other value is a no-match.</summary>
public enum MatchOutcome
{
    /// <summary>No record satisfied the rules.</summary>
    NoMatch = 0,

    /// <summary>Exactly one record satisfied the rules.</summary>
    Match = 1,

    /// <summary>More than one record satisfied the rules: treated as a no-match, never a guess (ADR 0007).</summary>
    MultipleCandidates = 2,

    /// <summary>The match ID has used up its cycle 3 attempts: treated as a no-match without looking.</summary>
    Cycle3AttemptsExhausted = 3,
}
