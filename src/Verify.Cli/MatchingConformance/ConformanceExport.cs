namespace Verify.Cli.MatchingConformance;

/// <summary>
/// <c>verify matching conformance export DIR [--force]</c>: writes <c>README.md</c> (the format and the steps),
/// <c>conformance-records.jsonl</c> (the synthetic records the scenarios are written against, in
/// <c>verify matching import</c>'s format) and <c>scenarios/*.json</c>, so a department can load the records into its
/// test system, and adapt the scenarios to run with <c>--scenarios DIR/scenarios</c>.
/// </summary>
internal static class ConformanceExport
{
    public static async Task<int> WriteAsync(DirectoryInfo folder, bool force, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(folder);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        var files = new List<(string Path, string Text)>
        {
            (Path.Combine(folder.FullName, BuiltInFiles.ReadmeFileName), BuiltInFiles.Readme()),
            (Path.Combine(folder.FullName, BuiltInFiles.RecordsFileName), BuiltInFiles.Records()),
        };
        files.AddRange(BuiltInFiles.Scenarios().Select(s => (Path.Combine(folder.FullName, BuiltInFiles.ScenariosFolderName, s.Name), s.Text)));

        var existing = files.Where(f => File.Exists(f.Path)).ToList();
        if (existing.Count > 0 && !force)
        {
            foreach (var (path, _) in existing)
            {
                await error.WriteLineAsync($"verify matching conformance export: '{path}' exists").ConfigureAwait(false);
            }

            await error.WriteLineAsync("verify matching conformance export: nothing was written; use --force to replace the files.").ConfigureAwait(false);
            return ExitCodes.Refused;
        }

        try
        {
            Directory.CreateDirectory(Path.Combine(folder.FullName, BuiltInFiles.ScenariosFolderName));
            foreach (var (path, text) in files)
            {
                await File.WriteAllTextAsync(path, text, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            await error.WriteLineAsync($"verify matching conformance export: {ex.Message}").ConfigureAwait(false);
            return ExitCodes.Failure;
        }

        await output.WriteLineAsync($"Wrote {files.Count - 2} scenario(s), {BuiltInFiles.RecordsFileName} and {BuiltInFiles.ReadmeFileName} to '{folder.FullName}'.").ConfigureAwait(false);
        return ExitCodes.Success;
    }
}
