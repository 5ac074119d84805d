using Verify.Matching.Normalisation;
using Verify.Matching.Records;
using Verify.Matching.Requests;

namespace Verify.Matching.Engine;

/// <summary>
/// Checks a <see cref="MatchRequest"/> from outside against the local-matching JSON contract
/// (VERIFY-REFERENCE.md: matchId, levelOfAssurance, hashedPid, matchingDataset with firstName, surnames
/// and dateOfBirth required) and against size limits, then normalises it. LEVEL_X is not a level and is refused.
/// </summary>
public sealed class MatchRequestValidator(MatchingOptions options)
{
    private const int MaxIdLength = 256;
    private const int MaxSurnames = 10;
    private const int MaxCycle3Attributes = 4;
    private static readonly string[] Levels = ["LEVEL_1", "LEVEL_2", "LEVEL_3", "LEVEL_4"];

    private readonly MatchingOptions _options = options ?? throw new ArgumentNullException(nameof(options));

    /// <summary>Validates and normalises; never throws for bad input.</summary>
    public MatchRequestValidation Validate(MatchRequest? request)
    {
        if (request is null)
        {
            return MatchRequestValidation.Invalid(["request: required"]);
        }

        var errors = new List<string>();
        Id(errors, "matchId", request.MatchId);
        Id(errors, "hashedPid", request.HashedPid);
        if (!Levels.Contains(request.LevelOfAssurance, StringComparer.Ordinal))
        {
            errors.Add("levelOfAssurance: one of LEVEL_1, LEVEL_2, LEVEL_3, LEVEL_4");
        }

        var dataset = request.MatchingDataset;
        if (dataset is null)
        {
            errors.Add("matchingDataset: required");
            return MatchRequestValidation.Invalid(errors);
        }

        Name(errors, "matchingDataset.firstName", dataset.FirstName, NameNormaliser.FirstName);
        if (dataset.Surnames is null || dataset.Surnames.Count is 0 or > MaxSurnames)
        {
            errors.Add($"matchingDataset.surnames: 1 to {MaxSurnames} surnames");
        }
        else
        {
            for (var i = 0; i < dataset.Surnames.Count; i++)
            {
                Name(errors, $"matchingDataset.surnames[{i}]", dataset.Surnames[i], NameNormaliser.Surname);
            }
        }

        if (dataset.DateOfBirth is null)
        {
            errors.Add("matchingDataset.dateOfBirth: required");
        }

        ValidateAddresses(errors, dataset.Addresses);
        var cycle3 = ValidateCycle3(errors, request.Cycle3Dataset);
        return errors.Count > 0
            ? MatchRequestValidation.Invalid(errors)
            : MatchRequestValidation.Valid(AssertedIdentity.From(dataset), cycle3);
    }

    private List<Cycle3Identifier> ValidateCycle3(List<string> errors, Cycle3Dataset? dataset)
    {
        if (dataset is null)
        {
            return [];
        }

        var attributes = dataset.Attributes;
        if (attributes is null || attributes.Count is 0 or > MaxCycle3Attributes)
        {
            errors.Add($"cycle3Dataset.attributes: 1 to {MaxCycle3Attributes} attributes");
            return [];
        }

        var identifiers = new List<Cycle3Identifier>();
        foreach (var (type, value) in attributes)
        {
            // A type the department has not configured is a configuration mismatch between RP and matching service, not a citizen's typo.
            if (!_options.IdentifierTypes.Contains(type))
            {
                errors.Add("cycle3Dataset.attributes: an attribute is not a configured identifier type");
                continue;
            }

            identifiers.Add(new Cycle3Identifier(type, IdentifierNormaliser.Normalise(type, value)));
        }

        return identifiers;
    }

    private static void ValidateAddresses(List<string> errors, IReadOnlyList<MdsAddress>? addresses)
    {
        if (addresses is null)
        {
            return;
        }

        if (addresses.Count > RecordLimits.MaxAddresses)
        {
            errors.Add($"matchingDataset.addresses: at most {RecordLimits.MaxAddresses}");
            return;
        }

        for (var i = 0; i < addresses.Count; i++)
        {
            var lines = addresses[i].Lines ?? [];
            if (lines.Count > RecordLimits.MaxAddressLines || lines.Any(l => l is null || l.Length > RecordLimits.MaxAddressLineLength))
            {
                errors.Add($"matchingDataset.addresses[{i}].lines: at most {RecordLimits.MaxAddressLines} lines of {RecordLimits.MaxAddressLineLength} characters");
            }

            if (addresses[i].PostCode is { Length: > RecordLimits.MaxPostcodeLength })
            {
                errors.Add($"matchingDataset.addresses[{i}].postCode: at most {RecordLimits.MaxPostcodeLength} characters");
            }
        }
    }

    private static void Name(List<string> errors, string field, MdsValue<string>? value, Func<string?, string> normalise)
    {
        if (value is null || string.IsNullOrWhiteSpace(value.Value))
        {
            errors.Add($"{field}: required");
        }
        else if (value.Value.Length > RecordLimits.MaxNameLength || normalise(value.Value).Length == 0)
        {
            errors.Add($"{field}: 1 to {RecordLimits.MaxNameLength} characters with at least one letter");
        }
    }

    private static void Id(List<string> errors, string field, string? value)
    {
        if (string.IsNullOrWhiteSpace(value) || value.Length > MaxIdLength || value.Any(char.IsControl))
        {
            errors.Add($"{field}: required, at most {MaxIdLength} characters");
        }
    }
}
