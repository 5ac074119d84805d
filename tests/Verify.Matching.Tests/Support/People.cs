using Verify.Matching.Records;

namespace Verify.Matching.Tests.Support;

/// <summary>A small cast of departmental records; tests vary them with <c>with</c>.</summary>
internal static class People
{
    public const string RobertNino = "AB123456C";
    public const string MargaretNino = "CE654321A";
    public const string RobertLicence = "SMITH810030RJ9AB";

    public static RecordAddress HighStreet { get; } = Address("14 High Street", "Leeds", "LS1 4AB");

    public static RecordAddress MillLane { get; } = Address("Rose Cottage, Mill Lane", "York", "YO1 7HH");

    /// <summary>Robert James Smith, born 3 October 1980, 14 High Street, Leeds LS1 4AB; NINO and driving licence.</summary>
    public static DepartmentRecord Robert { get; } = new()
    {
        RecordId = "R-ROBERT",
        FirstName = "Robert",
        MiddleNames = "James",
        Surname = "Smith",
        DateOfBirth = new DateOnly(1980, 10, 3),
        Addresses = [HighStreet with { From = new DateOnly(2015, 4, 1) }, MillLane with { From = new DateOnly(2005, 1, 1), To = new DateOnly(2015, 4, 1) }],
        Identifiers = new Dictionary<string, string>
        {
            [IdentifierTypes.NationalInsuranceNumber] = RobertNino,
            [IdentifierTypes.DrivingLicenceNumber] = RobertLicence,
        },
    };

    /// <summary>Margaret Zoë Smith-Jones (née Ó Súilleabháin), born 5 February 1982, Robert's partner at the same address.</summary>
    public static DepartmentRecord Margaret { get; } = new()
    {
        RecordId = "R-MARGARET",
        FirstName = "Margaret",
        MiddleNames = "Zoë",
        Surname = "Smith-Jones",
        PreviousSurnames = ["Ó Súilleabháin"],
        DateOfBirth = new DateOnly(1982, 2, 5),
        Addresses = [HighStreet],
        Identifiers = new Dictionary<string, string> { [IdentifierTypes.NationalInsuranceNumber] = MargaretNino },
    };

    public static RecordAddress Address(string line1, string town, string postcode) =>
        new() { Lines = [line1, town], Postcode = postcode };
}
