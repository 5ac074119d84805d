using System.Collections.Frozen;
using System.Text.RegularExpressions;

namespace Verify.Hub.Journey.Model;

/// <summary>
/// The cycle 3 identifiers an RP may ask the citizen for (VERIFY-REFERENCE.md: the names Verify allowed) and the
/// format each must have. The hub checks the format before it sends anything, so a typo costs the citizen no cycle 3
/// attempt and the matching service no query; values are normalised (case, spaces) the way the department stores
/// them.
/// </summary>
public static partial class Cycle3Attributes
{
    /// <summary>National Insurance number, e.g. <c>QQ 12 34 56 C</c> (HMRC's rules for the prefix and suffix).</summary>
    public const string NationalInsuranceNumber = "NationalInsuranceNumber";

    /// <summary>GB driving licence number: 16 characters (DVLA).</summary>
    public const string DrivingLicenceNumber = "DrivingLicenceNumber";

    /// <summary>Self Assessment Unique Taxpayer Reference: 10 digits.</summary>
    public const string SaUniqueTaxpayerReference = "SaUniqueTaxpayerReference";

    /// <summary>Rural Payments single business identifier or vendor number: 6 to 10 digits.</summary>
    public const string SbiPiVendorNo = "sbiPiVendorNo";

    /// <summary>HM Land Registry borrower reference: letters and digits.</summary>
    public const string LandRegistryBorrowerReference = "LandRegistryBorrowerReference";

    /// <summary>Criminal Injuries Compensation Authority: the email address the claim was made with.</summary>
    public const string CicaEmailAddress = "CICAEmailAddress";

    /// <summary>Longest value accepted from the form, before normalising.</summary>
    public const int MaxInputLength = 254;

    private static readonly FrozenDictionary<string, Func<string, string?>> Formats = new Dictionary<string, Func<string, string?>>(StringComparer.Ordinal)
    {
        [NationalInsuranceNumber] = v => Compact(v) is var c && NinoFormat().IsMatch(c) ? c : null,
        [DrivingLicenceNumber] = v => Compact(v) is var c && DrivingLicenceFormat().IsMatch(c) ? c : null,
        [SaUniqueTaxpayerReference] = v => Compact(v) is var c && UtrFormat().IsMatch(c) ? c : null,
        [SbiPiVendorNo] = v => Compact(v) is var c && SbiFormat().IsMatch(c) ? c : null,
        [LandRegistryBorrowerReference] = v => Compact(v) is var c && BorrowerReferenceFormat().IsMatch(c) ? c : null,
        [CicaEmailAddress] = v => v.Trim() is var e && EmailFormat().IsMatch(e) ? e : null,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>Every name an RP may register.</summary>
    public static IReadOnlyCollection<string> Names => Formats.Keys;

    /// <summary>Whether <paramref name="name"/> is a cycle 3 attribute the hub knows the format of.</summary>
    public static bool IsKnown(string? name) => name is not null && Formats.ContainsKey(name);

    /// <summary>
    /// The value as it is sent to the matching service, or false when <paramref name="input"/> is not in the
    /// attribute's format (or the attribute is unknown).
    /// </summary>
    public static bool TryNormalise(string name, string? input, out string value)
    {
        value = "";
        if (input is null || input.Length > MaxInputLength || !Formats.TryGetValue(name, out var format) || format(input) is not { } normalised)
        {
            return false;
        }

        value = normalised;
        return true;
    }

    /// <summary>Upper case, without the spaces and hyphens people type between groups.</summary>
    private static string Compact(string input) =>
        string.Concat(input.Where(c => c is not (' ' or '-' or '\t'))).ToUpperInvariant();

    // HMRC NIM39110: the first letter is not D, F, I, Q, U or V; the second not D, F, I, O, Q, U or V; BG, GB, KN, NK,
    // NT, TN and ZZ are never issued; the suffix is A to D (left off on some older records, as the matching engine allows).
    [GeneratedRegex("^(?!BG|GB|KN|NK|NT|TN|ZZ)[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z][0-9]{6}[A-D]?$", RegexOptions.CultureInvariant)]
    private static partial Regex NinoFormat();

    // DVLA: five characters of the surname (padded with 9), six digits from the date of birth, two initials (padded
    // with 9), one digit, two check characters; the licence's two-digit issue number may follow.
    [GeneratedRegex("^[A-Z9]{5}[0-9]{6}[A-Z9]{2}[0-9][A-Z0-9]{2}([0-9]{2})?$", RegexOptions.CultureInvariant)]
    private static partial Regex DrivingLicenceFormat();

    [GeneratedRegex("^[0-9]{10}$", RegexOptions.CultureInvariant)]
    private static partial Regex UtrFormat();

    [GeneratedRegex("^[0-9]{6,10}$", RegexOptions.CultureInvariant)]
    private static partial Regex SbiFormat();

    [GeneratedRegex("^[A-Z0-9]{4,32}$", RegexOptions.CultureInvariant)]
    private static partial Regex BorrowerReferenceFormat();

    [GeneratedRegex(@"^[^@\s]{1,64}@[^@\s]+\.[^@\s]+$", RegexOptions.CultureInvariant)]
    private static partial Regex EmailFormat();
}
