using Verify.Matching.Normalisation;
using Verify.Matching.Records;

namespace Verify.Matching.Import;

/// <summary>
/// Checks one departmental record before it is written: required values present, sizes within
/// <see cref="RecordLimits"/>, a date of birth that is not in the future, UK postcodes, identifiers of
/// a configured type and of that type's shape. Returns every problem, not only the first.
/// </summary>
internal sealed class RecordValidator(IReadOnlyCollection<string> identifierTypes, TimeProvider timeProvider)
{
    private static readonly DateOnly EarliestDateOfBirth = new(1880, 1, 1);

    /// <summary>The problems with <paramref name="record"/>; empty when it may be written.</summary>
    public IReadOnlyList<string> Validate(DepartmentRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var errors = new List<string>();
        Text(errors, "recordId", record.RecordId, RecordLimits.MaxRecordIdLength);
        Name(errors, "firstName", record.FirstName, NameNormaliser.FirstName);
        Optional(errors, "middleNames", record.MiddleNames, RecordLimits.MaxNameLength);
        Name(errors, "surname", record.Surname, NameNormaliser.Surname);
        if (record.PreviousSurnames.Count > RecordLimits.MaxPreviousSurnames)
        {
            errors.Add($"previousSurnames: at most {RecordLimits.MaxPreviousSurnames}");
        }

        for (var i = 0; i < record.PreviousSurnames.Count && i < RecordLimits.MaxPreviousSurnames; i++)
        {
            Name(errors, $"previousSurnames[{i}]", record.PreviousSurnames[i], NameNormaliser.Surname);
        }

        var today = DateOnly.FromDateTime(timeProvider.GetUtcNow().UtcDateTime);
        if (record.DateOfBirth < EarliestDateOfBirth || record.DateOfBirth > today)
        {
            errors.Add("dateOfBirth: must be between 1880-01-01 and today");
        }

        ValidateAddresses(errors, record.Addresses);
        ValidateIdentifiers(errors, record.Identifiers);
        return errors;
    }

    private void ValidateIdentifiers(List<string> errors, IReadOnlyDictionary<string, string> identifiers)
    {
        if (identifiers.Count > RecordLimits.MaxIdentifiers)
        {
            errors.Add($"identifiers: at most {RecordLimits.MaxIdentifiers}");
            return;
        }

        foreach (var (type, value) in identifiers)
        {
            if (!identifierTypes.Contains(type))
            {
                errors.Add($"identifiers.{Shorten(type)}: not a configured identifier type ({string.Join(", ", identifierTypes)})");
            }
            else if (IdentifierNormaliser.Normalise(type, value) is null)
            {
                errors.Add($"identifiers.{type}: not a valid {type}");
            }
        }
    }

    private static void ValidateAddresses(List<string> errors, IReadOnlyList<RecordAddress> addresses)
    {
        if (addresses.Count > RecordLimits.MaxAddresses)
        {
            errors.Add($"addresses: at most {RecordLimits.MaxAddresses}");
            return;
        }

        for (var i = 0; i < addresses.Count; i++)
        {
            var address = addresses[i];
            if (address.Lines is null || address.Lines.Count is 0 or > RecordLimits.MaxAddressLines)
            {
                errors.Add($"addresses[{i}].lines: 1 to {RecordLimits.MaxAddressLines} lines");
            }
            else
            {
                for (var j = 0; j < address.Lines.Count; j++)
                {
                    Text(errors, $"addresses[{i}].lines[{j}]", address.Lines[j], RecordLimits.MaxAddressLineLength);
                }
            }

            if (address.Postcode is null || address.Postcode.Length > RecordLimits.MaxPostcodeLength || !PostcodeNormaliser.IsValid(address.Postcode))
            {
                errors.Add($"addresses[{i}].postcode: not a UK postcode");
            }

            if (address.From is { } from && address.To is { } to && to < from)
            {
                errors.Add($"addresses[{i}]: 'to' is before 'from'");
            }
        }
    }

    private static void Name(List<string> errors, string field, string? value, Func<string?, string> normalise)
    {
        if (Text(errors, field, value, RecordLimits.MaxNameLength) && normalise(value).Length == 0)
        {
            errors.Add($"{field}: has no letters");
        }
    }

    private static void Optional(List<string> errors, string field, string? value, int maxLength)
    {
        if (value is not null && value.Length > maxLength)
        {
            errors.Add($"{field}: at most {maxLength} characters");
        }
    }

    private static bool Text(List<string> errors, string field, string? value, int maxLength)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            errors.Add($"{field}: required");
            return false;
        }

        if (value.Length > maxLength || value.Any(char.IsControl))
        {
            errors.Add($"{field}: at most {maxLength} characters, no control characters");
            return false;
        }

        return true;
    }

    private static string Shorten(string value) => value.Length <= IdentifierTypes.MaxTypeLength ? value : value[..IdentifierTypes.MaxTypeLength] + "…";
}
