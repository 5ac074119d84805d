namespace Verify.Cli.Start;

/// <summary>The production configuration cannot run; <see cref="Problems"/> lists every reason, one sentence each.</summary>
internal sealed class ProductionConfigurationException(IReadOnlyList<string> problems)
    : Exception("The hub's configuration has problems:" + Environment.NewLine + string.Join(Environment.NewLine, problems.Select(p => "  - " + p)))
{
    public IReadOnlyList<string> Problems { get; } = problems;
}
