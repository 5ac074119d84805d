namespace Verify.Matching.Engine;

/// <summary>A record retrieved by a blocking key, reduced to the normalised values the rules compare.</summary>
internal sealed record CandidateRecord(
    string RecordId,
    string FirstNameKey,
    DateOnly DateOfBirth,
    IReadOnlySet<string> Surnames,
    IReadOnlySet<string> SurnameParts,
    IReadOnlyList<AddressKey> Addresses);
