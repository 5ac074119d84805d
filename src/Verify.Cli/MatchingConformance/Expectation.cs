namespace Verify.Cli.MatchingConformance;

/// <summary>
/// The answer a scenario step expects. Every step also expects a well-formed answer (HTTP 200, <c>application/json</c>,
/// <c>{"result": …}</c> within the timeout); <see cref="Any"/> expects nothing more.
/// </summary>
internal enum Expectation
{
    /// <summary><c>{"result":"match"}</c>.</summary>
    Match = 0,

    /// <summary><c>{"result":"no-match"}</c>.</summary>
    NoMatch = 1,

    /// <summary><c>{"result":"success"}</c> (account created).</summary>
    Success = 2,

    /// <summary><c>{"result":"failure"}</c> (account not created).</summary>
    Failure = 3,

    /// <summary>Either well-formed answer of the step's kind: the department's own policy decides.</summary>
    Any = 4,
}
