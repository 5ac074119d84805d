namespace Verify.LoadBenchmark;

/// <summary>A journey that did not go as a citizen's should: the hop it failed at and a short reason without personal data.</summary>
internal sealed class JourneyFailure(string hop, string reason) : Exception($"{hop}: {reason}")
{
    public string Hop { get; } = hop;

    public string Reason { get; } = reason;
}
