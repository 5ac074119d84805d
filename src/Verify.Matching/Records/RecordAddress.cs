namespace Verify.Matching.Records;

/// <summary>An address a department holds for a person, current (no <see cref="To"/>) or previous.</summary>
public sealed record RecordAddress
{
    /// <summary>The address lines, first line first (house number or name and street).</summary>
    public required IReadOnlyList<string> Lines { get; init; }

    /// <summary>The UK postcode in any spacing and case.</summary>
    public required string Postcode { get; init; }

    /// <summary>When the person started living there, if known.</summary>
    public DateOnly? From { get; init; }

    /// <summary>When the person left; null for a current address.</summary>
    public DateOnly? To { get; init; }
}
