namespace Verify.Matching.Benchmarks;

/// <summary>What a probe tests: a record holder asserted with one realistic difference, or an adversary with no record.</summary>
internal enum Category
{
    Exact,
    Typo,
    Nickname,
    Diacritics,
    DoubleBarrelledSurname,
    ChangedSurname,
    MovedHouse,
    PostcodeFormatting,
    MissingMiddleNames,

    // Adversaries: people with no record, who must never match.
    Twin,
    SonWithFathersName,
    NamesakeElsewhere,
    HouseholdMemberWithOthersNino,
    SwappedDayAndMonth,
}
