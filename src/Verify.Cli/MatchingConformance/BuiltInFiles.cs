using System.Reflection;

namespace Verify.Cli.MatchingConformance;

/// <summary>
/// The files shipped inside <c>verify</c> as embedded resources (Verify.Cli.csproj): the built-in scenarios
/// (<c>Scenarios/*.json</c>), the synthetic department records they are written against
/// (<c>conformance-records.jsonl</c>, in <c>verify matching import</c>'s format) and the format's README.
/// </summary>
internal static class BuiltInFiles
{
    /// <summary>The file name of the records, in the repository and in an export.</summary>
    public const string RecordsFileName = "conformance-records.jsonl";

    /// <summary>The file name of the format's description.</summary>
    public const string ReadmeFileName = "README.md";

    /// <summary>The folder of the scenarios in an export.</summary>
    public const string ScenariosFolderName = "scenarios";

    private const string Prefix = "Verify.Cli.MatchingConformance.";
    private const string ScenarioPrefix = Prefix + "Scenarios.";

    private static Assembly Assembly => typeof(BuiltInFiles).Assembly;

    /// <summary>The built-in scenario files, by file name, in file-name order.</summary>
    public static IReadOnlyList<(string Name, string Text)> Scenarios() =>
        [.. Assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(ScenarioPrefix, StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(n => (n[ScenarioPrefix.Length..], Read(n)))];

    /// <summary>The conformance records (JSON Lines): what the department loads into its test system.</summary>
    public static string Records() => Read(Prefix + RecordsFileName);

    /// <summary>The scenario format and the department's steps.</summary>
    public static string Readme() => Read(Prefix + ReadmeFileName);

    private static string Read(string resource)
    {
        using var stream = Assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"The resource '{resource}' is not in the assembly (Verify.Cli.csproj embeds it).");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
