using System.Diagnostics;
using System.Globalization;
using System.Linq.Expressions;
using System.Reflection;

using BenchmarkDotNet.Attributes;

namespace Verify.Benchmarks;

/// <summary>
/// <c>--quick</c>: every [Benchmark] of <see cref="SignatureBenchmarks"/> in a plain Stopwatch loop on
/// this thread, after a warm-up: µs/op and ops/s, then ours/stock ratios measured in alternating batches; about 25 seconds in all. No BenchmarkDotNet, no
/// statistics: a smoke run to see that it works and roughly how fast.
/// Options: <c>--seconds S</c> measured time per operation (default 0.8; paired ours/stock ratios take twice that per pair), <c>--n N</c> fixed iterations instead.
/// </summary>
public static class QuickRunner
{
    public static int Run(string[] args)
    {
        var seconds = Option(args, "--seconds") ?? 0.8;
        var fixedIterations = (long?)Option(args, "--n");
        using var benchmarks = new SignatureBenchmarks();
        benchmarks.Setup();

        var methods = typeof(SignatureBenchmarks).GetMethods(BindingFlags.Public | BindingFlags.Instance)
            .Where(m => m.GetCustomAttribute<BenchmarkAttribute>() is not null)
            .OrderBy(m => m.MetadataToken)
            .ToList();
        var filter = Text(args, "--only");
        var results = new List<Measurement>();
        Console.WriteLine($"quick mode: {(fixedIterations is { } n ? $"{n} iterations" : $"{seconds} s")} per operation after warm-up; load {ResultTable.Load()}");
        var selected = methods
            .Where(m => filter is null || m.Name.Contains(filter, StringComparison.OrdinalIgnoreCase))
            .Select(m => (m.Name, Call: Compile(benchmarks, m)))
            .ToList();

        // One warm-up pass over everything first, so that tiered JIT has finished with all the code
        // (on a busy machine the background JIT is starved and the first operation would pay for it).
        foreach (var (_, call) in selected)
        {
            WarmUp(call, 0.25);
        }

        foreach (var (name, call) in selected)
        {
            var result = Measure(name, call, seconds, fixedIterations);
            results.Add(result);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {name,-52} {result.MedianNanoseconds / 1000,10:0.0} µs/op {1e9 / result.MedianNanoseconds,10:N0} ops/s  best {result.MinNanoseconds / 1000,8:0.0} µs {result.CpuNanoseconds / 1000,10:0.0} CPU µs/op {result.AllocatedBytes / 1024.0,8:0.0} KB/op  {result.Gcs}"));
        }

        ResultTable.Print(results, "quick Stopwatch mode, median of 15 batches");

        // On a shared machine the load changes between one operation's measurement and the next;
        // alternating short batches of ours and stock makes both see the same load.
        var calls = selected.ToDictionary(c => c.Name, c => c.Call, StringComparer.Ordinal);
        Console.WriteLine($"## Paired ours/stock (alternating ~10 ms batches, {seconds * 2} s per pair; load {ResultTable.Load()})");
        Console.WriteLine();
        Console.WriteLine("| ours / stock | ours µs (median) | stock µs (median) | median of per-round ratios | best / best | target ≤ 0.50 |");
        Console.WriteLine("| --- | ---: | ---: | ---: | ---: | --- |");
        foreach (var (what, ours, stock) in ResultTable.Ratios)
        {
            if (calls.TryGetValue(ours, out var o) && calls.TryGetValue(stock, out var st))
            {
                var (oursMedian, stockMedian, ratio, best) = Paired(o, st, seconds * 2);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {what} | {oursMedian / 1000:0.0} | {stockMedian / 1000:0.0} | {ratio:0.00} | {best:0.00} | {(Math.Max(ratio, best) <= 0.5 ? "met" : "NOT met")} |"));
            }
        }

        Console.WriteLine();
        return 0;
    }

    /// <summary>Alternates batches of <paramref name="ours"/> and <paramref name="stock"/> (~10 ms each) for about <paramref name="seconds"/>.</summary>
    /// <returns>Median ns/op of each, the median of the per-round ratios, and best ours / best stock.</returns>
    public static (double Ours, double Stock, double Ratio, double Best) Paired(Func<object> ours, Func<object> stock, double seconds)
    {
        var oursPerCall = WarmUp(ours, 0.2);
        var stockPerCall = WarmUp(stock, 0.2);
        var oursBatch = Math.Max(1, (long)(0.01 / oursPerCall));
        var stockBatch = Math.Max(1, (long)(0.01 / stockPerCall));
        var rounds = Math.Max(5, (int)(seconds / 0.02));
        var oursTimes = new double[rounds];
        var stockTimes = new double[rounds];
        var ratios = new double[rounds];
        for (var round = 0; round < rounds; round++)
        {
            oursTimes[round] = Batch(ours, oursBatch);
            stockTimes[round] = Batch(stock, stockBatch);
            ratios[round] = oursTimes[round] / stockTimes[round];
        }

        Array.Sort(ratios);
        var oursBest = oursTimes.Min();
        var stockBest = stockTimes.Min();
        Array.Sort(oursTimes);
        Array.Sort(stockTimes);
        return (oursTimes[rounds / 2], stockTimes[rounds / 2], ratios[rounds / 2], oursBest / stockBest);
    }

    private static double Batch(Func<object> call, long count)
    {
        var start = Stopwatch.GetTimestamp();
        for (long i = 0; i < count; i++)
        {
            GC.KeepAlive(call());
        }

        return Stopwatch.GetElapsedTime(start).TotalNanoseconds / count;
    }

    /// <summary>
    /// Times <paramref name="call"/>: warm-up (at least 50 calls and 0.3 s), then N calls (given, or sized
    /// to <paramref name="seconds"/>) in 15 batches. The median batch is the figure reported; the best
    /// batch is what the operation costs when no other process takes the core (on a shared machine
    /// the two differ); thread CPU time is counted over all batches.
    /// </summary>
    public static Measurement Measure(string name, Func<object> call, double seconds, long? fixedIterations)
    {
        const int Batches = 15;
        var perCall = WarmUp(call, 0.3);
        var iterations = fixedIterations ?? Math.Max(Batches, (long)(seconds / perCall));
        var perBatch = Math.Max(1, iterations / Batches);
        var batchNanoseconds = new double[Batches];
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        var cpuBefore = ThreadCpuClock.NowNanoseconds();
        var gen0Before = GC.CollectionCount(0);
        var gen1Before = GC.CollectionCount(1);
        var stopwatch = new Stopwatch();
        for (var batch = 0; batch < Batches; batch++)
        {
            stopwatch.Restart();
            for (long i = 0; i < perBatch; i++)
            {
                GC.KeepAlive(call());
            }

            stopwatch.Stop();
            batchNanoseconds[batch] = stopwatch.Elapsed.TotalNanoseconds / perBatch;
        }

        var calls = perBatch * Batches;
        var cpu = ThreadCpuClock.NowNanoseconds() - cpuBefore;
        var allocated = (GC.GetAllocatedBytesForCurrentThread() - allocatedBefore) / calls;
        var gcs = string.Create(CultureInfo.InvariantCulture, $"gen0/gen1 GCs per 1000 ops: {(GC.CollectionCount(0) - gen0Before) * 1000.0 / calls:0}/{(GC.CollectionCount(1) - gen1Before) * 1000.0 / calls:0}");
        Array.Sort(batchNanoseconds);
        return new Measurement(name, batchNanoseconds[Batches / 2], batchNanoseconds[0], allocated, cpu / calls) { Gcs = gcs };
    }

    /// <summary>A direct call (no reflection per call; value results boxed, as BenchmarkDotNet's consumer would keep them).</summary>
    private static Func<object> Compile(object target, MethodInfo method) =>
        Expression.Lambda<Func<object>>(Expression.Convert(Expression.Call(Expression.Constant(target), method), typeof(object))).Compile();

    /// <summary>Calls <paramref name="call"/> at least 50 times and for at least <paramref name="seconds"/>; returns seconds per call.</summary>
    public static double WarmUp(Func<object> call, double seconds)
    {
        var stopwatch = Stopwatch.StartNew();
        long calls = 0;
        while (calls < 50 || stopwatch.Elapsed.TotalSeconds < seconds)
        {
            GC.KeepAlive(call());
            calls++;
        }

        return stopwatch.Elapsed.TotalSeconds / calls;
    }

    private static double? Option(string[] args, string name) =>
        Text(args, name) is { } text ? double.Parse(text, CultureInfo.InvariantCulture) : null;

    private static string? Text(string[] args, string name)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
    }
}
