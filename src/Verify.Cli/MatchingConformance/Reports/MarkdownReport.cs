using System.Globalization;
using System.Text;

namespace Verify.Cli.MatchingConformance.Reports;

/// <summary>
/// The report as Markdown (<c>--report FILE.md</c>), for a department to attach to its onboarding: the target and the
/// totals, one table row per step sent (or per skipped scenario), and the failures with their reasons.
/// </summary>
internal static class MarkdownReport
{
    public static string Render(ConformanceResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var text = new StringBuilder();
        var target = result.Target;
        text.AppendLine("# Matching conformance report").AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"- Match URL: `{target.MatchUrl}`");
        text.AppendLine(CultureInfo.InvariantCulture, $"- Account creation URL: {(target.AccountCreationUrl is { } url ? $"`{url}`" : "not tested")}");
        text.AppendLine(CultureInfo.InvariantCulture, $"- Started: {result.StartedAt.UtcDateTime:yyyy-MM-dd HH:mm:ss} UTC; timeout {ReportText.Seconds(target.Timeout)}");
        text.AppendLine(CultureInfo.InvariantCulture, $"- **{ReportText.Totals(result)}**{(result.Skipped > 0 ? $" ({result.Skipped} skipped)" : "")}").AppendLine();

        text.AppendLine("| result | scenario | step | sent | expected | actual | HTTP | latency |");
        text.AppendLine("| --- | --- | --- | --- | --- | --- | --- | --- |");
        foreach (var scenario in result.Scenarios)
        {
            var word = ReportText.OutcomeWord(scenario.Outcome);
            if (scenario.Steps.Count == 0)
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"| {word} | {Cell(scenario.Scenario.Name)} | | | | {Cell(scenario.SkipReason ?? "")} | | |");
            }

            for (var i = 0; i < scenario.Steps.Count; i++)
            {
                var step = scenario.Steps[i];
                text.AppendLine(CultureInfo.InvariantCulture, $"| {(step.Passed ? ReportText.Pass : ReportText.Fail)} | {Cell(scenario.Scenario.Name)} | {i + 1} | {Cell(step.Sent)} | {Cell(ReportText.Expected(step.Step))} | {Cell(ReportText.Actual(step.Answer))} | {step.Answer.HttpStatus} | {ReportText.Latency(step.Answer.Latency)} |");
            }
        }

        var failed = result.Scenarios.Where(s => s.Outcome == ScenarioOutcome.Failed).ToList();
        if (failed.Count > 0)
        {
            text.AppendLine().AppendLine("## Failures");
            foreach (var scenario in failed)
            {
                text.AppendLine().AppendLine(CultureInfo.InvariantCulture, $"### {scenario.Scenario.Name}").AppendLine();
                text.AppendLine(scenario.Scenario.Description).AppendLine();
                var step = scenario.Steps[^1];
                text.AppendLine(CultureInfo.InvariantCulture, $"- Step {scenario.Steps.Count}: {step.Failure}.");
                if (step.Step.Why is { } why)
                {
                    text.AppendLine(CultureInfo.InvariantCulture, $"- Why: {why}");
                }
            }
        }

        return text.ToString();
    }

    private static string Cell(string value) => value.Replace("|", "\\|", StringComparison.Ordinal).Replace('\n', ' ');
}
