namespace Verify.Cli.MatchingConformance;

/// <summary>The command line of <c>verify matching conformance</c>, checked before anything is read or sent.</summary>
internal sealed record ConformanceOptions
{
    /// <summary>The matching service's own default wait for a local matching service (<c>HttpLocalMatchingServiceOptions.Timeout</c>).</summary>
    public const int DefaultTimeoutSeconds = 20;

    /// <summary>The matching service accepts at most 55 s, under the hub's 60-second wait.</summary>
    public const int MaxTimeoutSeconds = 55;

    public string? Url { get; init; }

    public string? AccountCreationUrl { get; init; }

    public DirectoryInfo? Scenarios { get; init; }

    public FileInfo? ClientCertificate { get; init; }

    public FileInfo? ClientKey { get; init; }

    public FileInfo? CaCertificate { get; init; }

    public FileInfo? Report { get; init; }

    public int TimeoutSeconds { get; init; } = DefaultTimeoutSeconds;

    /// <summary>The per-request timeout.</summary>
    public TimeSpan Timeout => TimeSpan.FromSeconds(TimeoutSeconds);

    /// <summary>True when the report file is Markdown (<c>.md</c>); otherwise it is JSON.</summary>
    public bool ReportIsMarkdown => Report?.Extension.Equals(".md", StringComparison.OrdinalIgnoreCase) == true;

    /// <summary>The endpoints, once <see cref="Problems"/> is empty.</summary>
    public ConformanceTarget Target() => new(AbsoluteUrl(Url)!, AbsoluteUrl(AccountCreationUrl), Timeout);

    /// <summary>Every problem with the command line; empty when it is usable.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (Url is null)
        {
            problems.Add("--url is required: the department's local matching service (match) URL.");
        }
        else if (AbsoluteUrl(Url) is null)
        {
            problems.Add("--url must be an absolute http or https URL.");
        }

        if (AccountCreationUrl is not null && AbsoluteUrl(AccountCreationUrl) is null)
        {
            problems.Add("--account-creation-url must be an absolute http or https URL.");
        }

        if (TimeoutSeconds is < 1 or > MaxTimeoutSeconds)
        {
            problems.Add($"--timeout must be between 1 and {MaxTimeoutSeconds} seconds (the matching service's limit, under the hub's 60-second wait).");
        }

        if ((ClientCertificate is null) != (ClientKey is null))
        {
            problems.Add("--client-cert and --client-key go together.");
        }

        foreach (var (option, file) in new[] { ("--client-cert", ClientCertificate), ("--client-key", ClientKey), ("--ca-cert", CaCertificate) })
        {
            if (file is { Exists: false })
            {
                problems.Add($"{option}: '{file.FullName}' does not exist.");
            }
        }

        if (Report is not null && !ReportIsMarkdown && !Report.Extension.Equals(".json", StringComparison.OrdinalIgnoreCase))
        {
            problems.Add("--report must name a .json or a .md file.");
        }

        return problems;
    }

    private static Uri? AbsoluteUrl(string? value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var url) && url.Scheme is "http" or "https" ? url : null;
}
