namespace Verify.MatchingService.Matching.Http;

/// <summary>Where the department's own local matching service listens (Verify's two URLs) and how long it may take.</summary>
public sealed record HttpLocalMatchingServiceOptions
{
    /// <summary>Verify's local matching service URL: the match request JSON is POSTed here.</summary>
    public required Uri MatchUrl { get; init; }

    /// <summary>Verify's account creation URL; without it, account creation always fails.</summary>
    public Uri? AccountCreationUrl { get; init; }

    /// <summary>How long one call may take (default 20 s: the hub waits 60 s for the whole answer).</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(20);

    /// <summary>Largest answer read, in bytes (default 16 KiB; Verify's answers are a few bytes).</summary>
    public int MaxResponseBytes { get; init; } = 16 * 1024;

    /// <summary>Every problem with these options; empty when they are usable.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        foreach (var (name, url) in new[] { ("MatchUrl", MatchUrl), ("AccountCreationUrl", AccountCreationUrl) })
        {
            if (url is not null && (!url.IsAbsoluteUri || url.Scheme is not ("https" or "http")))
            {
                problems.Add($"{name} must be an absolute http(s) URL.");
            }
        }

        if (MatchUrl is null)
        {
            problems.Add("MatchUrl is required.");
        }

        if (Timeout <= TimeSpan.Zero || Timeout > TimeSpan.FromSeconds(55))
        {
            problems.Add("Timeout must be positive and under the hub's 60-second wait.");
        }

        if (MaxResponseBytes is < 256 or > 1024 * 1024)
        {
            problems.Add("MaxResponseBytes must be between 256 bytes and 1 MiB.");
        }

        return problems;
    }
}
