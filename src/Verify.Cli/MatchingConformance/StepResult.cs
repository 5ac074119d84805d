namespace Verify.Cli.MatchingConformance;

/// <summary>One step as it ran: what was sent, what came back, and why it failed, if it did.</summary>
/// <param name="Step">The step.</param>
/// <param name="Sent">The summary of the request (<see cref="RequestSummary"/>).</param>
/// <param name="Answer">The endpoint's answer.</param>
/// <param name="Failure">Why the step failed; null when it passed.</param>
internal sealed record StepResult(ScenarioStep Step, string Sent, EndpointAnswer Answer, string? Failure)
{
    /// <summary>True when the answer was well-formed and the one expected.</summary>
    public bool Passed => Failure is null;

    /// <summary>Judges <paramref name="answer"/> against the step: fails closed, passing only a well-formed, expected answer.</summary>
    public static StepResult Judge(ScenarioStep step, string sent, EndpointAnswer answer)
    {
        ArgumentNullException.ThrowIfNull(step);
        ArgumentNullException.ThrowIfNull(answer);
        var failure = answer.Result is not { } result ? answer.Problem ?? "no answer"
            : !step.Accepts(result) ? $"expected {step.ExpectedText}, got {result}"
            : WrongRecord(step, answer);
        return new StepResult(step, sent, answer, failure);
    }

    // Verify's JSON names no record; an endpoint that does (the reference engine's POST /match) is held to it.
    private static string? WrongRecord(ScenarioStep step, EndpointAnswer answer) =>
        step.RecordId is not null && answer.RecordId is not null && !string.Equals(step.RecordId, answer.RecordId, StringComparison.Ordinal)
            ? $"matched record {answer.RecordId}, expected {step.RecordId}"
            : null;
}
