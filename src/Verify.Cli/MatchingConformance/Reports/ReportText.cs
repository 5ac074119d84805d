using System.Globalization;

namespace Verify.Cli.MatchingConformance.Reports;

/// <summary>The phrases every report format shares, so the console, JSON and Markdown reports say the same thing.</summary>
internal static class ReportText
{
    public const string Pass = "PASS";
    public const string Fail = "FAIL";
    public const string Skip = "SKIP";

    public static string OutcomeWord(ScenarioOutcome outcome) => outcome switch
    {
        ScenarioOutcome.Passed => Pass,
        ScenarioOutcome.Failed => Fail,
        _ => Skip,
    };

    /// <summary>The expectation with the record it names: <c>match (CONF-0001)</c>.</summary>
    public static string Expected(ScenarioStep step) => step.RecordId is null ? step.ExpectedText : $"{step.ExpectedText} ({step.RecordId})";

    /// <summary>What came back: the result, or the problem with the answer.</summary>
    public static string Actual(EndpointAnswer answer) => answer.Result is { } result
        ? answer.RecordId is null ? result : $"{result} ({answer.RecordId})"
        : answer.Problem ?? "no answer";

    public static string Latency(TimeSpan latency) => string.Create(CultureInfo.InvariantCulture, $"{latency.TotalMilliseconds:0} ms");

    public static string Seconds(TimeSpan timeout) => string.Create(CultureInfo.InvariantCulture, $"{timeout.TotalSeconds:0.#} s");

    /// <summary>The last line of every report.</summary>
    public static string Totals(ConformanceResult result) => string.Create(CultureInfo.InvariantCulture, $"{result.Passed} passed, {result.Failed} failed");
}
