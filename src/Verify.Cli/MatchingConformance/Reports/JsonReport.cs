using System.Text.Json;

namespace Verify.Cli.MatchingConformance.Reports;

/// <summary>
/// The report as JSON (<c>--report FILE.json</c>), for a department's CI: the target, the totals, and per scenario its
/// outcome and steps (sent, expected, actual, HTTP status, content type, latency in milliseconds, failure).
/// </summary>
internal static class JsonReport
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
    };

    public static async Task WriteAsync(ConformanceResult result, Stream output, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(result);
        var report = new
        {
            Tool = "verify matching conformance",
            result.StartedAt,
            MatchUrl = result.Target.MatchUrl.AbsoluteUri,
            AccountCreationUrl = result.Target.AccountCreationUrl?.AbsoluteUri,
            TimeoutSeconds = result.Target.Timeout.TotalSeconds,
            result.Passed,
            result.Failed,
            result.Skipped,
            Scenarios = result.Scenarios.Select(s => new
            {
                s.Scenario.Name,
                s.Scenario.Description,
                Outcome = s.Outcome switch
                {
                    ScenarioOutcome.Passed => "passed",
                    ScenarioOutcome.Failed => "failed",
                    _ => "skipped",
                },
                s.SkipReason,
                Steps = s.Steps.Select(step => new
                {
                    step.Sent,
                    Expected = step.Step.ExpectedText,
                    ExpectedRecordId = step.Step.RecordId,
                    Actual = step.Answer.Result,
                    ActualRecordId = step.Answer.RecordId,
                    HttpStatus = step.Answer.HttpStatus,
                    ContentType = step.Answer.ContentType,
                    LatencyMs = Math.Round(step.Answer.Latency.TotalMilliseconds, 1),
                    step.Passed,
                    step.Failure,
                    Why = step.Passed ? null : step.Step.Why,
                }),
                s.StepsNotSent,
            }),
        };
        await JsonSerializer.SerializeAsync(output, report, Options, cancellationToken).ConfigureAwait(false);
    }
}
