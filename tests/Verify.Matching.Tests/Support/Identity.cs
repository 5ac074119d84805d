using Verify.Matching.Records;
using Verify.Matching.Requests;

namespace Verify.Matching.Tests.Support;

/// <summary>An identity as an IDP asserts it; the first surname and address are current, later ones previous.</summary>
internal sealed record Identity(
    string FirstName,
    IReadOnlyList<string> Surnames,
    DateOnly DateOfBirth,
    IReadOnlyList<RecordAddress> Addresses,
    string? MiddleNames = null)
{
    public const string HashedPid = "5a1e0c0ffee5a1e0c0ffee5a1e0c0ffee5a1e0c0ffee5a1e0c0ffee5a1e0c0ff";

    /// <summary>What an IDP would assert for a record holder: current surname, current address.</summary>
    public static Identity Of(DepartmentRecord record) =>
        new(record.FirstName, [record.Surname], record.DateOfBirth, [record.Addresses.First(a => a.To is null)], record.MiddleNames);

    public MatchRequest Cycle1(string matchId = "match-1", string hashedPid = HashedPid) => new()
    {
        MatchId = matchId,
        LevelOfAssurance = "LEVEL_2",
        HashedPid = hashedPid,
        MatchingDataset = Dataset(),
    };

    public MatchRequest Cycle3(string type, string value, string matchId = "match-1", string hashedPid = HashedPid) =>
        Cycle1(matchId, hashedPid) with
        {
            Cycle3Dataset = new Cycle3Dataset { Attributes = new Dictionary<string, string> { [type] = value } },
        };

    public MatchingDataset Dataset(bool verified = true) => new()
    {
        FirstName = new MdsValue<string> { Value = FirstName, Verified = verified },
        MiddleNames = MiddleNames is null ? null : new MdsValue<string> { Value = MiddleNames, Verified = verified },
        Surnames = [.. Surnames.Select((s, i) => new MdsValue<string> { Value = s, Verified = verified, To = i == 0 ? null : new DateOnly(2010, 1, 1) })],
        DateOfBirth = new MdsValue<DateOnly> { Value = DateOfBirth, Verified = verified },
        Addresses = [.. Addresses.Select((a, i) => new MdsAddress
        {
            Lines = a.Lines,
            PostCode = a.Postcode,
            Verified = verified,
            To = i == 0 ? null : new DateOnly(2015, 4, 1),
        })],
    };
}
