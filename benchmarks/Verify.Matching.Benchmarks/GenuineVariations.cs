using System.Text;

using Verify.Matching.Normalisation;
using Verify.Matching.Records;

namespace Verify.Matching.Benchmarks;

/// <summary>
/// How an IDP's account of a record holder differs from the department's record, one difference per
/// category. Returns null when the record cannot show that difference (a nickname needs a formal name).
/// </summary>
internal sealed class GenuineVariations(Population population)
{
    private static readonly (char Plain, char Accented)[] Accents = [('e', 'é'), ('a', 'á'), ('o', 'ö'), ('i', 'ï'), ('u', 'ü'), ('n', 'ñ'), ('c', 'ç')];

    public Assertion? Vary(Category category, DepartmentRecord record, Rng rng)
    {
        var asserted = Assertion.Of(record);
        var current = asserted.Addresses[0];
        switch (category)
        {
            case Category.Exact:
                return asserted;
            case Category.Typo:
                var which = rng.Next(10);
                return which < 4 ? asserted with { FirstName = Typos.Apply(rng, record.FirstName) }
                    : which < 7 ? asserted with { Surnames = [Typos.Apply(rng, record.Surname)] }
                    : asserted with { Addresses = [current with { Lines = [.. current.Lines.Select((l, i) => i == current.Lines.Count - 2 ? TypoInStreet(rng, l) : l)] }] };
            case Category.Nickname:
                return FirstNameVariants.Table.TryGetValue(NameNormaliser.FirstName(record.FirstName), out var variants)
                    ? asserted with { FirstName = Capitalise(rng.Pick(variants)) }
                    : null;
            case Category.Diacritics:
                return HasDiacritics(record.FirstName) || HasDiacritics(record.Surname)
                    ? asserted with { FirstName = Strip(record.FirstName), Surnames = [Strip(record.Surname)] }
                    : asserted with { FirstName = AddAccent(record.FirstName), Surnames = [AddAccent(record.Surname)] };
            case Category.DoubleBarrelledSurname:
                var parts = record.Surname.Split('-');
                return parts.Length < 2
                    ? asserted with { Surnames = [record.Surname + "-" + rng.Pick(population.Pools.Surnames)] }
                    : asserted with { Surnames = [rng.Next(3) switch { 0 => string.Join(' ', parts), 1 => parts[0], _ => parts[^1] }] };
            case Category.ChangedSurname:
                var married = rng.Pick(population.Pools.Surnames);
                return married == record.Surname ? null
                    : asserted with { Surnames = rng.Chance(0.5) ? [married, record.Surname] : [married] };
            case Category.MovedHouse:
                var moved = population.Addresses.Random(rng, new DateOnly(2024, 1, 1));
                return asserted with { Addresses = rng.Chance(0.5) ? [moved, current] : [moved] };
            case Category.PostcodeFormatting:
                var compact = current.Postcode.Replace(" ", "", StringComparison.Ordinal);
                var postcode = rng.Next(4) switch
                {
                    0 => current.Postcode.ToLowerInvariant(),
                    1 => compact,
                    2 => current.Postcode.Replace(" ", "  ", StringComparison.Ordinal),
                    _ => " " + compact.ToLowerInvariant() + " ",
                };
                return asserted with { Addresses = [current with { Postcode = postcode }] };
            case Category.MissingMiddleNames:
                return record.MiddleNames is null ? null : asserted with { MiddleNames = null };
            default:
                throw new ArgumentOutOfRangeException(nameof(category), category, "Not a record holder's category.");
        }
    }

    /// <summary>What a record holder types in cycle 3: the NINO in a random layout, else the driving licence number, else nothing.</summary>
    public static (string Type, string Value)? Cycle3Input(DepartmentRecord record, Rng rng)
    {
        if (record.Identifiers.TryGetValue(IdentifierTypes.NationalInsuranceNumber, out var nino))
        {
            return (IdentifierTypes.NationalInsuranceNumber, rng.Next(3) switch
            {
                0 => $"{nino[..2]} {nino[2..4]} {nino[4..6]} {nino[6..8]} {nino[8..]}",
                1 => nino.ToLowerInvariant(),
                _ => nino[..8],
            });
        }

        return record.Identifiers.TryGetValue(IdentifierTypes.DrivingLicenceNumber, out var licence)
            ? (IdentifierTypes.DrivingLicenceNumber, rng.Chance(0.5) ? licence : $"{licence[..5]} {licence[5..11]} {licence[11..]}")
            : null;
    }

    private static string TypoInStreet(Rng rng, string line)
    {
        var space = line.IndexOf(' ', StringComparison.Ordinal);
        return space < 0 ? line : line[..(space + 1)] + Typos.Apply(rng, line[(space + 1)..]);
    }

    private static string Capitalise(string name) => char.ToUpperInvariant(name[0]) + name[1..];

    private static bool HasDiacritics(string value) => value.Any(c => LatinFolding.Fold(char.ToLowerInvariant(c)) is not null);

    // What an IDP or a keyboard without accents produces: "Zoë Ó Súilleabháin" → "Zoe O Suilleabhain".
    private static string Strip(string value)
    {
        var builder = new StringBuilder(value.Length);
        foreach (var c in value)
        {
            var plain = LatinFolding.Fold(char.ToLowerInvariant(c));
            builder.Append(plain is null ? c : char.IsUpper(c) ? char.ToUpperInvariant(plain[0]) + plain[1..] : plain);
        }

        return builder.ToString();
    }

    private static string AddAccent(string value)
    {
        foreach (var (plain, accented) in Accents)
        {
            var i = value.IndexOf(plain, 1);
            if (i > 0)
            {
                return value[..i] + accented + value[(i + 1)..];
            }
        }

        return value;
    }
}
