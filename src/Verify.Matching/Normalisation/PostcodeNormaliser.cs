using System.Text;
using System.Text.RegularExpressions;

namespace Verify.Matching.Normalisation;

/// <summary>
/// UK postcodes: upper case, every space removed ("sw1a 1aa", "SW1A  1AA" and "SW1A1AA" are one
/// postcode). The normalised form is what blocking keys and comparisons use.
/// </summary>
public static partial class PostcodeNormaliser
{
    /// <summary>The normalised postcode: upper case, no whitespace; empty for null or blank input.</summary>
    public static string Normalise(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return "";
        }

        var builder = new StringBuilder(value.Length);
        foreach (var c in value)
        {
            if (!char.IsWhiteSpace(c))
            {
                builder.Append(char.ToUpperInvariant(c));
            }
        }

        return builder.ToString();
    }

    /// <summary>
    /// True when the value, normalised, has the shape of a UK postcode (outward code, then a digit
    /// and two letters; GIR 0AA too). Shape only: whether the postcode exists is not checked.
    /// </summary>
    public static bool IsValid(string? value) => UkPostcode().IsMatch(Normalise(value));

    /// <summary>The display form: outward code, one space, inward code ("SW1A 1AA"); the input when it is not a postcode.</summary>
    public static string Format(string? value)
    {
        var normalised = Normalise(value);
        return UkPostcode().IsMatch(normalised) ? normalised[..^3] + " " + normalised[^3..] : value ?? "";
    }

    [GeneratedRegex("^(GIR0AA|[A-Z]{1,2}[0-9][A-Z0-9]?[0-9][A-Z]{2})$", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 100)]
    private static partial Regex UkPostcode();
}
