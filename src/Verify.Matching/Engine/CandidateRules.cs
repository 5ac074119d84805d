using Verify.Matching.Normalisation;

namespace Verify.Matching.Engine;

/// <summary>
/// The matching rules (docs/adr/0007-matching-engine.md), applied to each candidate a blocking key found.
/// Every rule demands the exact date of birth: a day/month swap or a relative one generation apart is
/// a different person, whatever else agrees.
/// </summary>
internal static class CandidateRules
{
    /// <summary>Shorter first names are not forgiven a typo in cycle 3: "Jan" and "Jon" are different people.</summary>
    private const int MinLengthForTypo = 4;

    /// <summary>
    /// Cycle 1: same date of birth, compatible first names (equal or variants such as Bob/Robert), a
    /// surname in common (current or previous, whole or one part of a double-barrelled one), and an
    /// address in common (current or previous, same postcode and premises).
    /// </summary>
    public static bool MatchesInCycle1(AssertedIdentity identity, CandidateRecord record) =>
        record.DateOfBirth == identity.DateOfBirth
        && FirstNameVariants.AreCompatible(identity.FirstNameKey, record.FirstNameKey)
        && SurnamesAgree(identity, record)
        && AddressesAgree(identity, record);

    /// <summary>
    /// Cycle 3, for a record that holds the typed identifier: the identifier alone proves nothing (a
    /// household member may know a partner's NINO), so it must be corroborated by the same date of
    /// birth plus a surname or an address in common, and the first name must not contradict the record
    /// (compatible, or one typo away).
    /// </summary>
    public static bool CorroboratesInCycle3(AssertedIdentity identity, CandidateRecord record) =>
        record.DateOfBirth == identity.DateOfBirth
        && FirstNameNotContradicted(identity.FirstNameKey, record.FirstNameKey)
        && (SurnamesAgree(identity, record) || AddressesAgree(identity, record));

    /// <summary>
    /// True when one surname equals another, or equals one part of a multi-word other: "Smith-Jones"
    /// agrees with "Smith Jones" and with "Jones", but not with "Smith-Brown".
    /// </summary>
    public static bool SurnamesAgree(AssertedIdentity identity, CandidateRecord record) =>
        identity.Surnames.Overlaps(record.Surnames)
        || identity.Surnames.Overlaps(record.SurnameParts)
        || identity.SurnameParts.Overlaps(record.Surnames);

    /// <summary>True when any asserted address and any record address have the same postcode and premises.</summary>
    public static bool AddressesAgree(AssertedIdentity identity, CandidateRecord record) =>
        identity.Addresses.Any(asserted => record.Addresses.Any(asserted.SameAs));

    private static bool FirstNameNotContradicted(string asserted, string recorded) =>
        FirstNameVariants.AreCompatible(asserted, recorded)
        || (Math.Min(asserted.Length, recorded.Length) >= MinLengthForTypo && EditDistance.Between(asserted, recorded) <= 1);
}
