using System.Globalization;

namespace Verify.Matching.Benchmarks;

/// <summary>Prints the accuracy table per category, the totals (precision, recall, false matches) and latency percentiles, as Markdown.</summary>
internal static class Report
{
    public static void Print(TextWriter output, BenchmarkOptions options, AccuracyRunner runner, TimeSpan loadTime)
    {
        output.WriteLine();
        output.WriteLine($"## Matching accuracy: {options.Records:N0} records on {options.Provider}, {options.PerCategory:N0} probes per category, seed {options.Seed}");
        output.WriteLine();
        output.WriteLine("| category | kind | probes | cycle 1 matched | cycle 1 false matches | after cycle 3 matched | after cycle 3 false matches | multiple-candidate answers |");
        output.WriteLine("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |");
        var genuine = new Tally();
        var adversaries = new Tally();
        foreach (var (category, tally) in runner.Tallies.Where(t => t.Value.Probes > 0))
        {
            var adversary = category.IsAdversary();
            (adversary ? adversaries : genuine).AddAll(tally);
            output.WriteLine($"| {category} | {(adversary ? "no record" : "record holder")} | {tally.Probes} | {Rate(tally.Cycle1Correct, tally.Probes, adversary)} | {tally.Cycle1False} | {Rate(tally.FinalCorrect, tally.Probes, adversary)} | {tally.FinalFalse} | {tally.MultipleCandidates} |");
        }

        output.WriteLine();
        output.WriteLine($"- Recall (record holders matched to their own record): cycle 1 {Percent(genuine.Cycle1Correct, genuine.Probes)}, after cycle 3 {Percent(genuine.FinalCorrect, genuine.Probes)}.");
        output.WriteLine($"- Precision (matches that were right): cycle 1 {Percent(genuine.Cycle1Correct, genuine.Cycle1Correct + genuine.Cycle1False + adversaries.Cycle1False)}, after cycle 3 {Percent(genuine.FinalCorrect, genuine.FinalCorrect + genuine.FinalFalse + adversaries.FinalFalse)}.");
        output.WriteLine($"- False matches: record holders to another record {genuine.FinalFalse}, people with no record {adversaries.FinalFalse} (of {adversaries.Probes}).");
        output.WriteLine($"- Latency per match call: cycle 1 {Percentiles(runner.Cycle1Milliseconds)}; cycle 3 {Percentiles(runner.Cycle3Milliseconds)}; all {Percentiles([.. runner.Cycle1Milliseconds, .. runner.Cycle3Milliseconds])}.");
        output.WriteLine($"- Load: {options.Records:N0} records in {loadTime.TotalSeconds:F0} s.");
    }

    private static string Rate(int hits, int total, bool adversary) => adversary ? "n/a" : Percent(hits, total);

    private static string Percent(int part, int total) =>
        total == 0 ? "n/a" : (100.0 * part / total).ToString("F2", CultureInfo.InvariantCulture) + "%";

    private static string Percentiles(List<double> values)
    {
        if (values.Count == 0)
        {
            return "n/a";
        }

        var sorted = values.Order().ToArray();
        string At(double p) => sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)].ToString("F2", CultureInfo.InvariantCulture);
        return $"p50 {At(0.50)} ms, p90 {At(0.90)} ms, p99 {At(0.99)} ms, max {sorted[^1].ToString("F1", CultureInfo.InvariantCulture)} ms (n={sorted.Length})";
    }
}
