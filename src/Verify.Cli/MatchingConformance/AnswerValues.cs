namespace Verify.Cli.MatchingConformance;

/// <summary>The wire values of Verify's local-matching answers and of the scenario files' <c>expect</c> field.</summary>
internal static class AnswerValues
{
    public const string Match = "match";
    public const string NoMatch = "no-match";
    public const string Success = "success";
    public const string Failure = "failure";
    public const string Any = "any";

    /// <summary>VERIFY-REFERENCE.md: a match request answers <c>match</c> or <c>no-match</c>.</summary>
    public static IReadOnlyList<string> MatchResults { get; } = [Match, NoMatch];

    /// <summary>VERIFY-REFERENCE.md: an account creation request answers <c>success</c> or <c>failure</c>.</summary>
    public static IReadOnlyList<string> AccountCreationResults { get; } = [Success, Failure];

    /// <summary>The file value of an expectation.</summary>
    public static string Of(Expectation expectation) => expectation switch
    {
        Expectation.Match => Match,
        Expectation.NoMatch => NoMatch,
        Expectation.Success => Success,
        Expectation.Failure => Failure,
        _ => Any,
    };

    /// <summary>The expectation a file value names, or null.</summary>
    public static Expectation? Parse(string? value) => value switch
    {
        Match => Expectation.Match,
        NoMatch => Expectation.NoMatch,
        Success => Expectation.Success,
        Failure => Expectation.Failure,
        Any => Expectation.Any,
        _ => null,
    };
}
