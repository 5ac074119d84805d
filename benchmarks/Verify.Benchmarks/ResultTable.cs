using System.Globalization;

using BenchmarkDotNet.Reports;

namespace Verify.Benchmarks;

/// <summary>One measured operation: mean time per operation (one thread, so one core) and allocation.</summary>
/// <remarks><see cref="MeanNanoseconds"/> is the figure the tables and ratios use: BenchmarkDotNet's median of its iterations (robust on a shared machine), or the quick mode's plain mean.</remarks>
public sealed record Measurement(string Name, double MeanNanoseconds, double? ErrorNanoseconds, long? AllocatedBytes, double? CpuNanoseconds = null, double? BdnMeanNanoseconds = null);

/// <summary>Prints µs/op, ops/s and the ours/stock ratios the issue asks for, from BenchmarkDotNet or the quick mode.</summary>
public static class ResultTable
{
    /// <summary>Ours / stock pairs: (what, ours, stock).</summary>
    public static readonly (string What, string Ours, string Stock)[] Ratios =
    [
        ("verify, from bytes: parse + Response + 2 assertions", nameof(SignatureBenchmarks.Ours_Verify_Response), nameof(SignatureBenchmarks.Stock_SignedXml_CheckSignature_AllThree_WithParse)),
        ("verify, 3 signatures on a parsed DOM", nameof(SignatureBenchmarks.Ours_Verify_AllThree_OnParsedDom), nameof(SignatureBenchmarks.Stock_SignedXml_CheckSignature_AllThree)),
        ("verify, Response signature only, parsed DOM", nameof(SignatureBenchmarks.Ours_Verify_OneSignature_OnParsedDom), nameof(SignatureBenchmarks.Stock_SignedXml_CheckSignature_Response)),
        ("hub cost (parse + 3) vs stock 3 on a parsed DOM", nameof(SignatureBenchmarks.Ours_Verify_Response), nameof(SignatureBenchmarks.Stock_SignedXml_CheckSignature_AllThree)),
        ("sign: parse + 2 assertions + Response", nameof(SignatureBenchmarks.Ours_Sign_Response), nameof(SignatureBenchmarks.Stock_SignedXml_ComputeSignature)),
    ];

    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static void PrintFromSummaries(IEnumerable<Summary> summaries)
    {
        var measurements = new List<Measurement>();
        foreach (var summary in summaries)
        {
            foreach (var report in summary.Reports)
            {
                if (report.ResultStatistics is not { } statistics)
                {
                    continue;
                }

                var allocated = report.GcStats.GetBytesAllocatedPerOperation(report.BenchmarkCase);
                measurements.Add(new Measurement(report.BenchmarkCase.Descriptor.WorkloadMethod.Name, statistics.Median, statistics.StandardError, allocated, null, statistics.Mean));
            }
        }

        if (measurements.Count > 0)
        {
            Print(measurements, "BenchmarkDotNet, median of 10 iterations");
        }
    }

    public static void Print(IReadOnlyList<Measurement> measurements, string source)
    {
        var byName = measurements.ToDictionary(m => m.Name, StringComparer.Ordinal);
        Console.WriteLine();
        Console.WriteLine($"## Signature benchmark summary ({source}; one thread = one core; load {Load()})");
        Console.WriteLine();
        var cpu = measurements.Any(m => m.CpuNanoseconds is not null);
        var bdn = measurements.Any(m => m.BdnMeanNanoseconds is not null);
        var extraHeader = (cpu ? " thread CPU µs/op |" : "") + (bdn ? " mean µs ± s.e. |" : "");
        var extraRule = (cpu ? " ---: |" : "") + (bdn ? " ---: |" : "");
        Console.WriteLine($"| operation | µs/op | ops/s (one core) |{extraHeader} allocated/op |");
        Console.WriteLine($"| --- | ---: | ---: |{extraRule} ---: |");
        foreach (var m in measurements)
        {
            var micro = m.MeanNanoseconds / 1000;
            var allocated = m.AllocatedBytes is { } a ? string.Create(Invariant, $"{a / 1024.0:0.0} KB") : "";
            var extra = (cpu ? string.Create(Invariant, $" {m.CpuNanoseconds / 1000:0.0} |") : "")
                + (bdn ? string.Create(Invariant, $" {m.BdnMeanNanoseconds / 1000:0.0} ± {m.ErrorNanoseconds / 1000:0.0} |") : "");
            Console.WriteLine(string.Create(Invariant, $"| {m.Name} | {micro:0.0} | {1e9 / m.MeanNanoseconds:N0} |{extra} {allocated} |"));
        }

        Console.WriteLine();
        Console.WriteLine("| ours / stock | ratio | target ≤ 0.50 |");
        Console.WriteLine("| --- | ---: | --- |");
        foreach (var (what, ours, stock) in Ratios)
        {
            if (byName.TryGetValue(ours, out var o) && byName.TryGetValue(stock, out var s))
            {
                var ratio = o.MeanNanoseconds / s.MeanNanoseconds;
                Console.WriteLine(string.Create(Invariant, $"| {what} | {ratio:0.00} | {(ratio <= 0.5 ? "met" : "NOT met")} |"));
            }
        }

        Console.WriteLine();
    }

    /// <summary>The 1-minute load average, to note how busy the shared machine was.</summary>
    public static string Load()
    {
        try
        {
            var fields = File.ReadAllText("/proc/loadavg").Split(' ');
            return $"{fields[0]} {fields[1]} {fields[2]} on {Environment.ProcessorCount} cores";
        }
        catch (IOException)
        {
            return "unknown";
        }
    }
}