using System.Diagnostics;
using System.Globalization;
using System.Linq.Expressions;
using System.Reflection;

using BenchmarkDotNet.Attributes;

namespace Verify.Benchmarks;

/// <summary>
/// <c>--quick</c>: every [Benchmark] of <see cref="SignatureBenchmarks"/> in a plain Stopwatch loop on
/// this thread, after a warm-up: µs/op and ops/s, about 20 seconds in all. No BenchmarkDotNet, no
/// statistics: a smoke run to see that it works and roughly how fast.
/// Options: <c>--seconds S</c> measured time per operation (default 1.2), <c>--n N</c> fixed iterations instead.
/// </summary>
public static class QuickRunner
{
    public static int Run(string[] args)
    {
        var seconds = Option(args, "--seconds") ?? 1.2;
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
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {name,-52} {result.MedianNanoseconds / 1000,10:0.0} µs/op {1e9 / result.MedianNanoseconds,10:N0} ops/s  best {result.MinNanoseconds / 1000,8:0.0} µs {result.CpuNanoseconds / 1000,10:0.0} CPU µs/op {result.AllocatedBytes / 1024.0,8:0.0} KB/op"));
        }

        ResultTable.Print(results, "quick Stopwatch mode");
        return 0;
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
        Array.Sort(batchNanoseconds);
        return new Measurement(name, batchNanoseconds[Batches / 2], batchNanoseconds[0], allocated, cpu / calls);
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