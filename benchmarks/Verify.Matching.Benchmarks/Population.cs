using System.Globalization;
using System.Text;

using Verify.Matching.Normalisation;
using Verify.Matching.Records;
using Verify.Matching.Requests;

namespace Verify.Matching.Benchmarks;

/// <summary>
/// The synthetic departmental records: record <c>i</c> is a pure function of the seed and <c>i</c>, so the
/// benchmark regenerates any record instead of holding a million in memory. Pairs (2k, 2k+1) share a
/// household (address, often surname) a third of the time, which is what makes household adversaries hard.
/// </summary>
internal sealed class Population(NamePools pools, AddressBook addresses, int seed, int size)
{
    private static readonly string[] RecordNinoPrefixes = ["AB", "CE", "EH", "GL", "HJ", "KL", "MN", "PR", "ST", "WY"];

    public int Size => size;

    public AddressBook Addresses => addresses;

    public NamePools Pools => pools;

    public static string RecordId(int index) => "R" + index.ToString("D8", CultureInfo.InvariantCulture);

    public static int IndexOf(string recordId) => int.Parse(recordId.AsSpan(1), CultureInfo.InvariantCulture);

    public bool IsMale(int index) => Rng.For(seed, index, stream: 2).Chance(0.5);

    public DepartmentRecord Record(int index)
    {
        var rng = Rng.For(seed, index);
        var household = Rng.For(seed, index / 2, stream: 1);
        var together = household.Chance(0.35);
        var sharedSurname = household.Chance(0.7) ? Surname(household) : null;
        var sharedAddress = addresses.Random(household, new DateOnly(2015, 1, 1).AddDays(household.Next(3000)));
        var sharedYear = household.Next(1940, 2000);

        var male = IsMale(index);
        var first = rng.PickSkewed(male ? pools.Male : pools.Female);
        var middle = rng.Chance(0.6) ? rng.Pick(male ? pools.Male : pools.Female) : null;
        var surname = together && sharedSurname is not null ? sharedSurname : Surname(rng);
        var previous = rng.Chance(male ? 0.04 : 0.2) ? [rng.PickSkewed(pools.Surnames)] : Array.Empty<string>();
        var year = together ? Math.Clamp(sharedYear + rng.Next(-6, 7), 1935, 2006) : rng.Next(1935, 2007);
        var dateOfBirth = new DateOnly(year, 1, 1).AddDays(rng.Next(365));
        var current = together ? sharedAddress : addresses.Random(rng, new DateOnly(2012, 1, 1).AddDays(rng.Next(4000)));
        List<RecordAddress> all = [current];
        if (rng.Chance(0.3))
        {
            all.Add(addresses.Random(rng, new DateOnly(2000, 1, 1).AddDays(rng.Next(2000)), current.From));
        }

        var identifiers = new Dictionary<string, string>(StringComparer.Ordinal);
        if (rng.Chance(0.92))
        {
            identifiers[IdentifierTypes.NationalInsuranceNumber] = Nino(index);
        }

        if (rng.Chance(0.65))
        {
            identifiers[IdentifierTypes.DrivingLicenceNumber] = DrivingLicence(rng, surname, first, middle, dateOfBirth, male);
        }

        return new DepartmentRecord
        {
            RecordId = RecordId(index),
            FirstName = first,
            MiddleNames = middle,
            Surname = surname,
            PreviousSurnames = previous,
            DateOfBirth = dateOfBirth,
            Gender = male ? MdsGender.Male : MdsGender.Female,
            Addresses = all,
            Identifiers = identifiers,
        };
    }

    /// <summary>A NINO no record holds: another prefix range, for people without a record.</summary>
    public static string UnrecordedNino(Rng rng) =>
        string.Create(CultureInfo.InvariantCulture, $"JT{rng.Next(1_000_000):D6}{"ABCD"[rng.Next(4)]}");

    private string Surname(Rng rng) => rng.Chance(0.08)
        ? rng.PickSkewed(pools.Surnames) + "-" + rng.Pick(pools.Surnames)
        : rng.PickSkewed(pools.Surnames);

    private static string Nino(int index) => string.Create(
        CultureInfo.InvariantCulture,
        $"{RecordNinoPrefixes[index / 1_000_000 % RecordNinoPrefixes.Length]}{index % 1_000_000:D6}{"ABCD"[index % 4]}");

    // DVLA layout: surname (5, 9-padded), decade, month (+50 for women), day, year digit, initials (9-padded), digit, two check letters.
    private static string DrivingLicence(Rng rng, string surname, string first, string? middle, DateOnly dob, bool male)
    {
        var letters = new StringBuilder();
        foreach (var c in NameNormaliser.Surname(surname).ToUpperInvariant().Where(c => c is >= 'A' and <= 'Z').Take(5))
        {
            letters.Append(c);
        }

        var initials = Initial(first) + (middle is null ? "9" : Initial(middle));
        var month = dob.Month + (male ? 0 : 50);
        return string.Create(
            CultureInfo.InvariantCulture,
            $"{letters.ToString().PadRight(5, '9')}{dob.Year / 10 % 10}{month:D2}{dob.Day:D2}{dob.Year % 10}{initials}{rng.Next(10)}{(char)('A' + rng.Next(26))}{(char)('A' + rng.Next(26))}");
    }

    private static string Initial(string name) =>
        NameNormaliser.FirstName(name).ToUpperInvariant().FirstOrDefault(c => c is >= 'A' and <= 'Z') is var c and not '\0' ? c.ToString() : "9";
}
