namespace Verify.Matching.Records;

/// <summary>Size limits on one departmental record: outside input is size-limited before use (ARCHITECTURE.md).</summary>
internal static class RecordLimits
{
    public const int MaxRecordIdLength = 64;

    public const int MaxNameLength = 128;

    public const int MaxPreviousSurnames = 10;

    public const int MaxAddresses = 20;

    public const int MaxAddressLines = 8;

    public const int MaxAddressLineLength = 128;

    public const int MaxPostcodeLength = 16;

    public const int MaxIdentifiers = 10;
}
