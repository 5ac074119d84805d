using Verify.Matching.Requests;

namespace Verify.Cli.MatchingConformance;

/// <summary>
/// The checks of one scenario step (part of <see cref="ScenarioReader"/>): the request kind, level, expectation, and
/// the fields Verify's contract requires of a match request.
/// </summary>
internal static class StepReader
{
    private const string DefaultLevel = "LEVEL_2";
    private static readonly string[] Levels = ["LEVEL_1", "LEVEL_2", "LEVEL_3", "LEVEL_4"];
    private static readonly string[] MatchExpectations = [AnswerValues.Match, AnswerValues.NoMatch, AnswerValues.Any];
    private static readonly string[] AccountCreationExpectations = [AnswerValues.Success, AnswerValues.Failure, AnswerValues.Any];

    public static ScenarioStep? Check(string at, StepDocument? step, bool afterMatch, List<string> errors)
    {
        if (step is null)
        {
            errors.Add($"{at}: a step object is required");
            return null;
        }

        var count = errors.Count;
        ScenarioReader.Unknown(errors, at + ".", step.Unknown);
        StepKind? kind = step.Request switch
        {
            "match" => StepKind.Match,
            "account-creation" => StepKind.AccountCreation,
            _ => null,
        };
        if (kind is null)
        {
            errors.Add($"{at}.request: \"match\" or \"account-creation\"");
            return null;
        }

        var level = step.LevelOfAssurance ?? DefaultLevel;
        if (!Levels.Contains(level, StringComparer.Ordinal))
        {
            errors.Add($"{at}.levelOfAssurance: one of {string.Join(", ", Levels)}");
        }

        var expect = AnswerValues.Parse(step.Expect);
        var allowed = kind == StepKind.Match ? ["match", "no-match", "any"] : new[] { "success", "failure", "any" };
        if (expect is null || !allowed.Contains(step.Expect, StringComparer.Ordinal))
        {
            errors.Add($"{at}.expect: one of {string.Join(", ", allowed)}");
        }

        if (kind == StepKind.Match)
        {
            Dataset(errors, at, step.MatchingDataset);
            Cycle3(errors, at, step.Cycle3Dataset);
        }
        else
        {
            // VERIFY-REFERENCE.md: the account creation request is {hashedPid, levelOfAssurance}, nothing more.
            if (step.MatchingDataset is not null || step.Cycle3Dataset is not null)
            {
                errors.Add($"{at}: an account creation request carries no dataset (Verify sends only hashedPid and levelOfAssurance)");
            }

            if (!afterMatch)
            {
                errors.Add($"{at}: account creation follows a match request of the same scenario (the hub asks only after a no-match)");
            }
        }

        if (step.Record is not null && (expect != Expectation.Match || step.Record.Length is 0 or > 64))
        {
            errors.Add($"{at}.record: only with \"expect\": \"match\", 1 to 64 characters");
        }

        if (step.Why is { Length: > 500 })
        {
            errors.Add($"{at}.why: at most 500 characters");
        }

        return errors.Count > count
            ? null
            : new ScenarioStep(kind.Value, level, step.MatchingDataset, step.Cycle3Dataset, expect!.Value, step.Record, step.Why);
    }

    // VERIFY-REFERENCE.md: matchingDataset is required, and in it firstName, surnames and dateOfBirth.
    private static void Dataset(List<string> errors, string at, MatchingDataset? dataset)
    {
        if (dataset is null)
        {
            errors.Add($"{at}.matchingDataset: required for a match request");
            return;
        }

        if (string.IsNullOrWhiteSpace(dataset.FirstName?.Value))
        {
            errors.Add($"{at}.matchingDataset.firstName: required");
        }

        if (dataset.Surnames is null || dataset.Surnames.Count == 0 || dataset.Surnames.Any(s => string.IsNullOrWhiteSpace(s?.Value)))
        {
            errors.Add($"{at}.matchingDataset.surnames: at least one, each with a value");
        }

        if (dataset.DateOfBirth is null)
        {
            errors.Add($"{at}.matchingDataset.dateOfBirth: required");
        }
    }

    private static void Cycle3(List<string> errors, string at, Cycle3Dataset? cycle3)
    {
        if (cycle3 is not null
            && (cycle3.Attributes is null || cycle3.Attributes.Count == 0
                || cycle3.Attributes.Any(a => string.IsNullOrWhiteSpace(a.Key) || string.IsNullOrWhiteSpace(a.Value))))
        {
            errors.Add($"{at}.cycle3Dataset.attributes: at least one attribute name with a value");
        }
    }
}
