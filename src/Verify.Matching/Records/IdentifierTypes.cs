namespace Verify.Matching.Records;

/// <summary>
/// Names of the identifiers a citizen can be asked for in cycle 3. The names are Verify's cycle 3
/// attribute names (VERIFY-REFERENCE.md), so an RP's configured cycle 3 attribute names the identifier.
/// A department may configure further names (<see cref="Engine.MatchingOptions.IdentifierTypes"/>).
/// </summary>
public static class IdentifierTypes
{
    /// <summary>HMRC National Insurance number, e.g. "AB 12 34 56 C".</summary>
    public const string NationalInsuranceNumber = "NationalInsuranceNumber";

    /// <summary>DVLA driving licence number (16 characters, optionally followed by the 2-digit issue number).</summary>
    public const string DrivingLicenceNumber = "DrivingLicenceNumber";

    /// <summary>Self Assessment Unique Taxpayer Reference.</summary>
    public const string SaUniqueTaxpayerReference = "SaUniqueTaxpayerReference";

    /// <summary>The longest identifier value accepted, before or after normalisation.</summary>
    public const int MaxValueLength = 64;

    /// <summary>The longest identifier type name accepted.</summary>
    public const int MaxTypeLength = 64;

    /// <summary>The identifier types every engine knows unless configured otherwise.</summary>
    public static IReadOnlyList<string> Defaults { get; } = [NationalInsuranceNumber, DrivingLicenceNumber];
}
