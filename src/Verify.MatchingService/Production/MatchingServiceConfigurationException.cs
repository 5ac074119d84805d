namespace Verify.MatchingService.Production;

/// <summary>The production configuration cannot run; <see cref="Problems"/> lists every reason, one sentence each.</summary>
public sealed class MatchingServiceConfigurationException : Exception
{
    public MatchingServiceConfigurationException(IReadOnlyList<string> problems)
        : base("The matching service's configuration has problems:" + Environment.NewLine + string.Join(Environment.NewLine, (problems ?? []).Select(p => "  - " + p)))
    {
        Problems = problems ?? [];
    }

    public MatchingServiceConfigurationException()
        : this([])
    {
    }

    public MatchingServiceConfigurationException(string message)
        : base(message)
    {
        Problems = [message];
    }

    public MatchingServiceConfigurationException(string message, Exception innerException)
        : base(message, innerException)
    {
        Problems = [message];
    }

    /// <summary>Every problem found.</summary>
    public IReadOnlyList<string> Problems { get; }
}
