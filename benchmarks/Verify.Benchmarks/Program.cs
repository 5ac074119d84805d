using BenchmarkDotNet.Running;

using Verify.Benchmarks;

// --quick [--seconds S | --n N]: plain Stopwatch loop over the same benchmark methods (a ~20 s smoke run, no BenchmarkDotNet).
// --encryption: encrypt/decrypt of the same response in a plain Stopwatch loop.
// --breakdown [--n N]: where one verification and one signature spend their time, step by step.
// Anything else goes to BenchmarkDotNet, e.g. --filter '*Signature*'.
if (args.Contains("--quick"))
{
    return QuickRunner.Run(args);
}

if (args.Contains("--encryption"))
{
    return EncryptionBenchmarks.RunQuick(3.0);
}

if (args.Contains("--breakdown"))
{
    return Breakdown.Run(args);
}

var summaries = BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
ResultTable.PrintFromSummaries(summaries);
return 0;
