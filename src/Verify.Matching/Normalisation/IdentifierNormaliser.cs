using System.Text;
using System.Text.RegularExpressions;

using Verify.Matching.Records;

namespace Verify.Matching.Normalisation;

/// <summary>
/// Identifiers a citizen types in cycle 3, normalised per type so that a record's value and a typed
/// value compare equal: upper case, spaces and hyphens removed; a National Insurance number loses its
/// optional suffix letter (HMRC: the suffix does not distinguish people), a GB driving licence number
/// keeps its first 16 characters (the two trailing digits are the licence issue number).
/// </summary>
public static partial class IdentifierNormaliser
{
    /// <summary>The normalised value, or null when it does not have the shape of <paramref name="type"/>.</summary>
    public static string? Normalise(string type, string? value)
    {
        ArgumentException.ThrowIfNullOrEmpty(type);
        var compact = Compact(value);
        if (compact.Length == 0 || compact.Length > IdentifierTypes.MaxValueLength)
        {
            return null;
        }

        return type switch
        {
            // HMRC NIM39110: two prefix letters (not D, F, I, Q, U, V; second not O; not BG, GB, KN, NK, NT, TN, ZZ), six digits, suffix A-D.
            IdentifierTypes.NationalInsuranceNumber => Nino().Match(compact) is { Success: true } m && !IsBannedNinoPrefix(m.Groups[1].Value)
                ? m.Groups[1].Value + m.Groups[2].Value
                : null,
            // DVLA: five surname characters (9-padded), six DOB digits, two initials (9-padded), a digit, two check characters.
            IdentifierTypes.DrivingLicenceNumber => DrivingLicence().IsMatch(compact) ? compact[..16] : null,
            _ => compact,
        };
    }

    /// <summary>Upper case with whitespace and hyphens removed: the normalisation of types without a known shape.</summary>
    public static string Compact(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return "";
        }

        var builder = new StringBuilder(value.Length);
        foreach (var c in value)
        {
            if (!char.IsWhiteSpace(c) && c != '-')
            {
                builder.Append(char.ToUpperInvariant(c));
            }
        }

        return builder.ToString();
    }

    private static bool IsBannedNinoPrefix(string prefix) => prefix is "BG" or "GB" or "KN" or "NK" or "NT" or "TN" or "ZZ";

    [GeneratedRegex("^([A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z])([0-9]{6})[A-D]?$", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 100)]
    private static partial Regex Nino();

    [GeneratedRegex("^[A-Z9]{5}[0-9]{6}[A-Z9]{2}[0-9][A-Z0-9]{2}([0-9]{2})?$", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 100)]
    private static partial Regex DrivingLicence();
}
