using System.Globalization;

using BenchmarkDotNet.Reports;

namespace Verify.Benchmarks;

/// <summary>One measured operation, per operation on one thread (so one core).</summary>
/// <param name="Name">The benchmark method.</param>
/// <param name="MedianNanoseconds">Median of the iterations (BenchmarkDotNet) or batches (quick mode): the reported figure.</param>
/// <param name="MinNanoseconds">Best iteration or batch: the cost when nothing else takes the core.</param>
/// <param name="AllocatedBytes">Managed allocation per operation.</param>
/// <param name="CpuNanoseconds">Thread CPU time per operation (quick mode).</param>
/// <param name="MeanNanoseconds">BenchmarkDotNet's mean.</param>
/// <param name="ErrorNanoseconds">BenchmarkDotNet's standard error of the mean.</param>
public sealed record Measurement(string Name, double MedianNanoseconds, double MinNanoseconds, long? AllocatedBytes, double? CpuNanoseconds = null, double? MeanNanoseconds = null, double? ErrorNanoseconds = null)
{
    /// <summary>Garbage collections during the measurement (quick mode), for the log.</summary>
    public string? Gcs { get; init; }
}

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
                measurements.Add(new Measurement(report.BenchmarkCase.Descriptor.WorkloadMethod.Name, statistics.Median, statistics.Min, allocated, null, statistics.Mean, statistics.StandardError));
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
        var cpu = measurements.Any(m => m.CpuNanoseconds is not null);
        var bdn = measurements.Any(m => m.MeanNanoseconds is not null);
        Console.WriteLine();
        Console.WriteLine($"## Signature benchmark summary ({source}; one thread = one core; load {Load()})");
        Console.WriteLine();
        var extraHeader = (cpu ? " thread CPU µs/op |" : "") + (bdn ? " mean µs ± s.e. |" : "");
        var extraRule = (cpu ? " ---: |" : "") + (bdn ? " ---: |" : "");
        Console.WriteLine($"| operation | µs/op (median) | ops/s (median) | best µs/op | ops/s (best) |{extraHeader} allocated/op |");
        Console.WriteLine($"| --- | ---: | ---: | ---: | ---: |{extraRule} ---: |");
        foreach (var m in measurements)
        {
            var allocated = m.AllocatedBytes is { } a ? string.Create(Invariant, $"{a / 1024.0:0.0} KB") : "";
            var extra = (cpu ? string.Create(Invariant, $" {m.CpuNanoseconds / 1000:0.0} |") : "")
                + (bdn ? string.Create(Invariant, $" {m.MeanNanoseconds / 1000:0.0} ± {m.ErrorNanoseconds / 1000:0.0} |") : "");
            Console.WriteLine(string.Create(Invariant, $"| {m.Name} | {m.MedianNanoseconds / 1000:0.0} | {1e9 / m.MedianNanoseconds:N0} | {m.MinNanoseconds / 1000:0.0} | {1e9 / m.MinNanoseconds:N0} |{extra} {allocated} |"));
        }

        Console.WriteLine();
        Console.WriteLine($"| ours / stock | ratio (median) | ratio (best) |{(cpu ? " ratio (CPU) |" : "")} target ≤ 0.50 |");
        Console.WriteLine($"| --- | ---: | ---: |{(cpu ? " ---: |" : "")} --- |");
        foreach (var (what, ours, stock) in Ratios)
        {
            if (byName.TryGetValue(ours, out var o) && byName.TryGetValue(stock, out var s))
            {
                var median = o.MedianNanoseconds / s.MedianNanoseconds;
                var best = o.MinNanoseconds / s.MinNanoseconds;
                var cpuRatio = cpu ? string.Create(Invariant, $" {o.CpuNanoseconds / s.CpuNanoseconds:0.00} |") : "";
                Console.WriteLine(string.Create(Invariant, $"| {what} | {median:0.00} | {best:0.00} |{cpuRatio} {(Math.Max(median, best) <= 0.5 ? "met" : "NOT met")} |"));
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
