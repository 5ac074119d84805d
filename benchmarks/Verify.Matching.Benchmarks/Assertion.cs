using Verify.Matching.Records;
using Verify.Matching.Requests;

namespace Verify.Matching.Benchmarks;

/// <summary>A person as an IDP would assert them, before it becomes a <see cref="MatchRequest"/>.</summary>
internal sealed record Assertion(
    string FirstName,
    string? MiddleNames,
    IReadOnlyList<string> Surnames,
    DateOnly DateOfBirth,
    IReadOnlyList<RecordAddress> Addresses)
{
    /// <summary>What an IDP asserts for a record holder: the current surname and the current address.</summary>
    public static Assertion Of(DepartmentRecord record) => new(
        record.FirstName,
        record.MiddleNames,
        [record.Surname],
        record.DateOfBirth,
        [record.Addresses.First(a => a.To is null)]);

    /// <summary>The request; surnames and addresses after the first are previous ones (with a <c>to</c> date).</summary>
    public MatchRequest ToRequest(string matchId, string hashedPid, (string Type, string Value)? cycle3 = null) => new()
    {
        MatchId = matchId,
        LevelOfAssurance = "LEVEL_2",
        HashedPid = hashedPid,
        MatchingDataset = new MatchingDataset
        {
            FirstName = new MdsValue<string> { Value = FirstName, Verified = true },
            MiddleNames = MiddleNames is null ? null : new MdsValue<string> { Value = MiddleNames, Verified = true },
            Surnames = [.. Surnames.Select((s, i) => new MdsValue<string> { Value = s, Verified = true, To = i == 0 ? null : new DateOnly(2015, 1, 1) })],
            DateOfBirth = new MdsValue<DateOnly> { Value = DateOfBirth, Verified = true },
            Addresses = [.. Addresses.Select((a, i) => new MdsAddress
            {
                Lines = a.Lines,
                PostCode = a.Postcode,
                Verified = i == 0,
                From = a.From,
                To = i == 0 ? null : a.To ?? new DateOnly(2015, 1, 1),
            })],
        },
        Cycle3Dataset = cycle3 is { } c ? new Cycle3Dataset { Attributes = new Dictionary<string, string> { [c.Type] = c.Value } } : null,
    };
}
