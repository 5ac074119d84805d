using Verify.Matching.Requests;

namespace Verify.Cli.MatchingConformance;

/// <summary>
/// What a step sent, as the report shows it: the request kind, the level and which fields were present (how many, how
/// many unverified), never the values: <c>match LEVEL_2: firstName, surnames ×2 (1 unverified), dateOfBirth, addresses ×3</c>.
/// </summary>
internal static class RequestSummary
{
    /// <summary>The summary of <paramref name="step"/>.</summary>
    public static string Of(ScenarioStep step)
    {
        ArgumentNullException.ThrowIfNull(step);
        if (step.Kind == StepKind.AccountCreation)
        {
            return $"account creation {step.LevelOfAssurance}: hashedPid, levelOfAssurance";
        }

        var dataset = step.MatchingDataset!;
        var fields = new List<string>();
        Single(fields, "firstName", dataset.FirstName);
        Single(fields, "middleNames", dataset.MiddleNames);
        Several(fields, "surnames", dataset.Surnames?.Select(s => s.Verified).ToList());
        Single(fields, "gender", dataset.Gender);
        Single(fields, "dateOfBirth", dataset.DateOfBirth);
        Several(fields, "addresses", dataset.Addresses?.Select(a => a.Verified).ToList());
        if (dataset.FirstName?.NonLatinScriptValue is not null || dataset.MiddleNames?.NonLatinScriptValue is not null
            || dataset.Surnames?.Any(s => s.NonLatinScriptValue is not null) == true)
        {
            fields.Add("non-Latin script values");
        }

        var summary = $"match {step.LevelOfAssurance}: {string.Join(", ", fields)}";
        return step.Cycle3Dataset?.Attributes is { Count: > 0 } attributes
            ? $"{summary}; cycle 3: {string.Join(", ", attributes.Keys)}"
            : summary;
    }

    private static void Single<T>(List<string> fields, string name, MdsValue<T>? value)
    {
        if (value is not null)
        {
            fields.Add(value.Verified ? name : $"{name} (unverified)");
        }
    }

    private static void Several(List<string> fields, string name, List<bool>? verified)
    {
        if (verified is null || verified.Count == 0)
        {
            return;
        }

        var unverified = verified.Count(v => !v);
        var count = verified.Count == 1 ? name : $"{name} ×{verified.Count}";
        fields.Add(unverified == 0 ? count : $"{count} ({unverified} unverified)");
    }
}
