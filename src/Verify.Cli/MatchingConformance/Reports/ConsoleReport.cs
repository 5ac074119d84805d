using System.Globalization;

namespace Verify.Cli.MatchingConformance.Reports;

/// <summary>
/// The report on stdout: one block per scenario (PASS, FAIL or SKIP, then each step sent: the summary of the request,
/// expected and actual answer or the problem with it, HTTP status, latency; for a failure the step's <c>why</c> and the
/// scenario's description), then
/// <c>N passed, N failed</c> as the last line.
/// </summary>
internal static class ConsoleReport
{
    public static async Task WriteAsync(ConformanceResult result, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(output);
        var target = result.Target;
        var creation = target.AccountCreationUrl is { } url ? $"account creation {url}" : "account creation not tested";
        await output.WriteLineAsync(string.Create(
            CultureInfo.InvariantCulture,
            $"Matching conformance: {result.Scenarios.Count} scenario(s) against {target.MatchUrl} ({creation}); timeout {ReportText.Seconds(target.Timeout)}.")).ConfigureAwait(false);
        await output.WriteLineAsync().ConfigureAwait(false);

        foreach (var scenario in result.Scenarios)
        {
            await WriteScenarioAsync(scenario, output).ConfigureAwait(false);
        }

        await output.WriteLineAsync().ConfigureAwait(false);
        if (result.Skipped > 0)
        {
            await output.WriteLineAsync(string.Create(
                CultureInfo.InvariantCulture,
                $"{result.Skipped} skipped: account creation scenarios need --account-creation-url.")).ConfigureAwait(false);
        }

        await output.WriteLineAsync(ReportText.Totals(result)).ConfigureAwait(false);
    }

    private static async Task WriteScenarioAsync(ScenarioResult scenario, TextWriter output)
    {
        var name = scenario.Scenario.Name;
        if (scenario.Outcome == ScenarioOutcome.Skipped)
        {
            await output.WriteLineAsync($"{ReportText.Skip}  {name}: {scenario.SkipReason}").ConfigureAwait(false);
            return;
        }

        await output.WriteLineAsync($"{ReportText.OutcomeWord(scenario.Outcome)}  {name}").ConfigureAwait(false);
        if (scenario.Outcome == ScenarioOutcome.Failed)
        {
            await output.WriteLineAsync($"      {scenario.Scenario.Description}").ConfigureAwait(false);
        }

        for (var i = 0; i < scenario.Steps.Count; i++)
        {
            var step = scenario.Steps[i];
            var http = step.Answer.HttpStatus is { } status ? string.Create(CultureInfo.InvariantCulture, $"HTTP {status}, ") : "";
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"      {i + 1}. {step.Sent}")).ConfigureAwait(false);
            await output.WriteLineAsync(
                $"         expected {ReportText.Expected(step.Step)}, got {ReportText.Actual(step.Answer)}; {http}{ReportText.Latency(step.Answer.Latency)}").ConfigureAwait(false);
            if (!step.Passed && step.Step.Why is { } why)
            {
                await output.WriteLineAsync($"         why: {why}").ConfigureAwait(false);
            }
        }

        if (scenario.StepsNotSent > 0)
        {
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"      ({scenario.StepsNotSent} later step(s) not sent)")).ConfigureAwait(false);
        }
    }
}
