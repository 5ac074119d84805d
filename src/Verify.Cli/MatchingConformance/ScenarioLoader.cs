namespace Verify.Cli.MatchingConformance;

/// <summary>
/// Finds the scenarios: the built-in set (<see cref="BuiltInFiles"/>) or every <c>.json</c> and <c>.jsonl</c> file
/// directly in a folder (<c>--scenarios DIR</c>), read in file-name order. Names must be unique across the set.
/// </summary>
internal static class ScenarioLoader
{
    /// <summary>The largest scenario file read.</summary>
    public const int MaxFileBytes = 1024 * 1024;

    /// <summary>The built-in scenarios.</summary>
    public static ScenarioSet BuiltIn() => Read(BuiltInFiles.Scenarios().Select(f => (f.Name, f.Text)));

    /// <summary>The scenarios in <paramref name="folder"/>.</summary>
    public static ScenarioSet FromFolder(DirectoryInfo folder)
    {
        ArgumentNullException.ThrowIfNull(folder);
        if (!folder.Exists)
        {
            return new ScenarioSet([], [$"{folder.FullName}: no such folder"]);
        }

        var problems = new List<string>();
        var files = new List<(string Name, string Text)>();
        foreach (var file in folder.EnumerateFiles().Where(IsScenarioFile).OrderBy(f => f.Name, StringComparer.Ordinal))
        {
            if (file.Length > MaxFileBytes)
            {
                problems.Add($"{file.Name}: larger than {MaxFileBytes / 1024} KiB");
                continue;
            }

            files.Add((file.Name, File.ReadAllText(file.FullName)));
        }

        var set = Read(files);
        return problems.Count == 0 ? set : set with { Problems = [.. problems, .. set.Problems] };
    }

    private static bool IsScenarioFile(FileInfo file) =>
        file.Extension.Equals(".json", StringComparison.OrdinalIgnoreCase) || file.Extension.Equals(".jsonl", StringComparison.OrdinalIgnoreCase);

    private static ScenarioSet Read(IEnumerable<(string Name, string Text)> files)
    {
        var scenarios = new List<ConformanceScenario>();
        var problems = new List<string>();
        foreach (var (name, text) in files)
        {
            ScenarioReader.Read(name, text, name.EndsWith(".jsonl", StringComparison.OrdinalIgnoreCase), scenarios, problems);
        }

        foreach (var clash in scenarios.GroupBy(s => s.Name, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            problems.Add($"name \"{clash.Key}\" is used by {string.Join(" and ", clash.Select(s => s.Source))}");
        }

        if (scenarios.Count == 0 && problems.Count == 0)
        {
            problems.Add("no scenario found (.json files, or .jsonl files with one scenario per line)");
        }

        return new ScenarioSet(scenarios, problems);
    }
}
