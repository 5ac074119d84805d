using System.Globalization;

namespace Verify.Matching.Storage;

/// <summary>
/// The blocking keys: strings computed when a record is written and stored in indexed columns, and
/// computed the same way from a match request, so that candidate retrieval is an indexed equality
/// lookup on SQLite and PostgreSQL alike, with no provider-specific function (ARCHITECTURE.md, Storage).
/// </summary>
internal static class BlockingKeys
{
    /// <summary>The longest key stored; inputs are limited well below it.</summary>
    public const int MaxLength = 200;

    /// <summary>Normalised surname (or surname part) and date of birth: "smith|19800503".</summary>
    public static string SurnameAndDateOfBirth(string surnameKey, DateOnly dateOfBirth) =>
        surnameKey + "|" + Date(dateOfBirth);

    /// <summary>Date of birth and normalised postcode: "19800503|SW1A1AA".</summary>
    public static string DateOfBirthAndPostcode(DateOnly dateOfBirth, string postcodeKey) =>
        Date(dateOfBirth) + "|" + postcodeKey;

    /// <summary>Identifier type and normalised value: "NationalInsuranceNumber|AB123456".</summary>
    public static string Identifier(string type, string normalisedValue) => type + "|" + normalisedValue;

    private static string Date(DateOnly date) => date.ToString("yyyyMMdd", CultureInfo.InvariantCulture);
}
