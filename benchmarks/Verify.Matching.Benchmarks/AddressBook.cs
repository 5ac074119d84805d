using System.Globalization;

using Verify.Matching.Records;

namespace Verify.Matching.Benchmarks;

/// <summary>
/// Synthetic UK addresses: about a dozen households per postcode, one street and town per postcode,
/// house numbers and some flats, postcodes in the valid UK shape (whether they exist is beside the point).
/// </summary>
internal sealed class AddressBook(NamePools pools, int seed, int postcodeCount)
{
    private static readonly string[] Areas = ["LS", "M", "B", "BS", "S", "L", "NE", "NG", "LE", "CV", "BD", "CF", "SA", "EH", "G", "AB", "BT", "PL", "EX", "NR", "IP", "CB", "OX", "RG", "BN", "SO", "PO", "YO", "HU", "DH", "CA", "LA", "PR", "BL", "WN", "SK", "LL", "IV", "SW", "NW", "E", "N", "W", "SE"];
    private const string UnitLetters = "ABDEFGHJLNPQRSTUWXYZ";

    public int PostcodeCount => postcodeCount;

    /// <summary>A random address: any postcode, any house.</summary>
    public RecordAddress Random(Rng rng, DateOnly? from = null, DateOnly? to = null) =>
        At(rng.Next(postcodeCount), rng.Next(1, 160), rng.Chance(0.1) ? rng.Next(1, 9) : null, from, to);

    /// <summary>The address at one postcode, house number and optional flat.</summary>
    public RecordAddress At(int postcodeIndex, int house, int? flat, DateOnly? from = null, DateOnly? to = null)
    {
        var rng = Rng.For(seed, postcodeIndex, stream: 9);
        var postcode = string.Create(CultureInfo.InvariantCulture, $"{rng.Pick(Areas)}{rng.Next(1, 30)} {rng.Next(10)}{UnitLetters[rng.Next(UnitLetters.Length)]}{UnitLetters[rng.Next(UnitLetters.Length)]}");
        var street = rng.Pick(pools.Streets);
        var town = rng.Pick(pools.Towns);
        var number = house.ToString(CultureInfo.InvariantCulture);
        IReadOnlyList<string> lines = flat is { } f
            ? [$"Flat {f.ToString(CultureInfo.InvariantCulture)}", $"{number} {street}", town]
            : [$"{number} {street}", town];
        return new RecordAddress { Lines = lines, Postcode = postcode, From = from, To = to };
    }
}
