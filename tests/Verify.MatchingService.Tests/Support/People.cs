using Verify.Saml.Saml;

namespace Verify.MatchingService.Tests.Support;

/// <summary>Departmental records (JSON Lines) and the identities IDPs assert for them. All invented.</summary>
internal static class People
{
    public const string RobertNino = "AB123456C";

    /// <summary>Robert James Smith, 3 October 1980, 14 High Street, Leeds LS1 4AB, with a NINO.</summary>
    public const string RobertRecord = """{"recordId":"R-ROBERT","firstName":"Robert","middleNames":"James","surname":"Smith","dateOfBirth":"1980-10-03","addresses":[{"lines":["14 High Street","Leeds"],"postcode":"LS1 4AB","from":"2015-04-01"}],"identifiers":{"NationalInsuranceNumber":"AB 12 34 56 C"}}""";

    /// <summary>Two records for one person (a department's duplicate): any match would be a guess.</summary>
    public const string JaneRecords = """
        {"recordId":"J-ONE","firstName":"Jane","surname":"Doe","dateOfBirth":"1975-01-20","addresses":[{"lines":["3 Mill Lane","York"],"postcode":"YO1 7HH"}]}
        {"recordId":"J-TWO","firstName":"Jane","surname":"Doe","dateOfBirth":"1975-01-20","addresses":[{"lines":["3 Mill Lane","York"],"postcode":"YO1 7HH"}]}
        """;

    public static string AllRecords => RobertRecord + "\n" + JaneRecords + "\n";

    /// <summary>What an IDP asserts for Robert: his record's name, date of birth and address, all verified.</summary>
    public static MatchingDataset Robert { get; } = Dataset("Robert", "Smith", new DateOnly(1980, 10, 3), ["14 High Street", "Leeds"], "LS1 4AB", middle: "James");

    /// <summary>Robert after a move the department has not heard of: cycle 1 misses him, cycle 3 finds him.</summary>
    public static MatchingDataset RobertMoved { get; } = Dataset("Robert", "Smith", new DateOnly(1980, 10, 3), ["7 Canal Wharf", "Bristol"], "BS1 5TT", middle: "James");

    /// <summary>Jane Doe, who has two records.</summary>
    public static MatchingDataset Jane { get; } = Dataset("Jane", "Doe", new DateOnly(1975, 1, 20), ["3 Mill Lane", "York"], "YO1 7HH");

    /// <summary>Alice Walker, who has no record: no match, then an account.</summary>
    public static MatchingDataset Alice { get; } = Dataset("Alice", "Walker", new DateOnly(1990, 6, 15), ["1 Station Road", "Cardiff"], "CF10 1AA");

    public static MatchingDataset Dataset(string first, string surname, DateOnly dateOfBirth, IReadOnlyList<string> lines, string postcode, string? middle = null) => new()
    {
        FirstNames = [new PersonNameValue { Value = first, Verified = true }],
        MiddleNames = middle is null ? [] : [new PersonNameValue { Value = middle, Verified = true }],
        Surnames = [new PersonNameValue { Value = surname, Verified = true }],
        Genders = [new GenderValue { Value = Gender.NotSpecified, Verified = false }],
        DatesOfBirth = [new DateValue { Value = dateOfBirth, Verified = true }],
        CurrentAddresses = [new AddressValue { Lines = lines, PostCode = postcode, Verified = true, From = new DateOnly(2015, 4, 1) }],
    };
}
