using System.Text.Json;
using System.Text.RegularExpressions;

using Verify.Matching.Requests;

namespace Verify.Cli.MatchingConformance;

/// <summary>
/// Reads scenario files (README.md in this folder): one scenario per <c>.json</c> file, or one per line of a
/// <c>.jsonl</c> file. Every problem is reported with its file (and line) and the field, never a value; only a checked
/// document becomes a <see cref="ConformanceScenario"/>, so the runner never sends a request outside Verify's contract.
/// </summary>
internal static partial class ScenarioReader
{
    /// <summary>The most steps one scenario may have.</summary>
    public const int MaxSteps = 10;

    /// <summary>Reads one file's text into <paramref name="scenarios"/>, adding what is wrong to <paramref name="problems"/>.</summary>
    /// <param name="source">The file name, for messages.</param>
    /// <param name="text">The file's text.</param>
    /// <param name="jsonLines">True for a JSON Lines file: one scenario per non-blank line.</param>
    /// <param name="scenarios">Where good scenarios go.</param>
    /// <param name="problems">Where problems go, each starting with the source.</param>
    public static void Read(string source, string text, bool jsonLines, List<ConformanceScenario> scenarios, List<string> problems)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(scenarios);
        ArgumentNullException.ThrowIfNull(problems);
        if (!jsonLines)
        {
            ReadOne(source, text, scenarios, problems);
            return;
        }

        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            if (!string.IsNullOrWhiteSpace(lines[i]))
            {
                ReadOne($"{source} line {i + 1}", lines[i], scenarios, problems);
            }
        }
    }

    private static void ReadOne(string source, string json, List<ConformanceScenario> scenarios, List<string> problems)
    {
        ScenarioDocument? document;
        try
        {
            // The import format's settings: camelCase, YYYY-MM-DD dates, and a misspelt field inside a dataset is an error.
            document = JsonSerializer.Deserialize<ScenarioDocument>(json, MatchingJson.Records);
        }
        catch (JsonException ex)
        {
            problems.Add($"{source}: not a scenario: {ex.Message}");
            return;
        }

        var errors = new List<string>();
        var scenario = document is null ? null : Check(document, source, errors);
        if (scenario is null || errors.Count > 0)
        {
            problems.AddRange(errors.Count == 0 ? [$"{source}: not a scenario"] : errors.Select(e => $"{source}: {e}"));
            return;
        }

        scenarios.Add(scenario);
    }

    private static ConformanceScenario? Check(ScenarioDocument document, string source, List<string> errors)
    {
        Unknown(errors, "", document.Unknown);
        if (document.Name is null || !NamePattern().IsMatch(document.Name))
        {
            errors.Add("name: required, 1 to 64 lower-case letters, digits and hyphens");
        }

        if (string.IsNullOrWhiteSpace(document.Description) || document.Description.Length > 2000)
        {
            errors.Add("description: required, at most 2000 characters");
        }

        if (document.Steps is null || document.Steps.Count is 0 or > MaxSteps)
        {
            errors.Add($"steps: 1 to {MaxSteps} steps");
            return null;
        }

        var steps = new List<ScenarioStep>();
        for (var i = 0; i < document.Steps.Count; i++)
        {
            var afterMatch = document.Steps.Take(i).Any(s => s?.Request == AnswerValues.Match);
            if (StepReader.Check($"steps[{i}]", document.Steps[i], afterMatch, errors) is { } step)
            {
                steps.Add(step);
            }
        }

        return errors.Count > 0 ? null : new ConformanceScenario(document.Name!, document.Description!, source, steps);
    }

    /// <summary>Reports each field the format does not have; <c>matchId</c> and <c>hashedPid</c> with the reason.</summary>
    internal static void Unknown(List<string> errors, string at, Dictionary<string, JsonElement>? unknown)
    {
        foreach (var field in unknown?.Keys ?? Enumerable.Empty<string>())
        {
            var name = field.Length <= 64 ? field : field[..64] + "…";
            errors.Add(field is "matchId" or "hashedPid"
                ? $"{at}{name}: leave it out; the tool fills it in, fresh for every run"
                : $"{at}{name}: not a field of the scenario format");
        }
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,63}$", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 100)]
    private static partial Regex NamePattern();
}
