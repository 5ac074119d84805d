namespace Verify.Pki;

/// <summary>
/// A certificate's validity window, expressed relative to the moment the sample PKI is generated, so
/// the same plan gives committed samples that stay in date and negative samples that stay out of it.
/// </summary>
public sealed record SampleValidity
{
    private SampleValidity(TimeSpan notBeforeOffset, int notBeforeYears, int notAfterYears, string summary)
    {
        NotBeforeOffset = notBeforeOffset;
        NotBeforeYears = notBeforeYears;
        NotAfterYears = notAfterYears;
        Summary = summary;
    }

    /// <summary>How far before the generation time every in-date certificate starts, to absorb clock skew.</summary>
    public static TimeSpan ClockSkewAllowance { get; } = TimeSpan.FromDays(1);

    /// <summary>How long before generation the CAs start, so that the expired sample lies inside its CA's window.</summary>
    public const int CaBackdateYears = 3;

    /// <summary>Extra offset added to the start, after <see cref="NotBeforeYears"/>.</summary>
    public TimeSpan NotBeforeOffset { get; }

    /// <summary>Whole years from generation to the start (negative: in the past).</summary>
    public int NotBeforeYears { get; }

    /// <summary>Whole years from generation to the end (negative: in the past).</summary>
    public int NotAfterYears { get; }

    /// <summary>A human summary for the README, e.g. "15 years from generation".</summary>
    public string Summary { get; }

    /// <summary>A CA valid from <see cref="CaBackdateYears"/> years before generation for <paramref name="years"/> years after it.</summary>
    public static SampleValidity Ca(int years)
    {
        return new SampleValidity(TimeSpan.Zero, -CaBackdateYears, years, $"{years} years from generation");
    }

    /// <summary>A leaf in date from generation (less the skew allowance) for <paramref name="years"/> years.</summary>
    public static SampleValidity Current(int years)
    {
        return new SampleValidity(-ClockSkewAllowance, 0, years, $"{years} years from generation");
    }

    /// <summary>A leaf that expired a year before generation (valid from two years before to one year before).</summary>
    public static SampleValidity Expired { get; } = new(TimeSpan.Zero, -2, -1, "EXPIRED: ended 1 year before generation");

    /// <summary>A leaf whose window starts <paramref name="startYears"/> years after generation and lasts five years.</summary>
    public static SampleValidity NotYetValid(int startYears)
    {
        return new SampleValidity(
            TimeSpan.Zero, startYears, startYears + 5, $"NOT YET VALID: starts {startYears} years after generation");
    }

    /// <summary>The first instant of the window, for a PKI generated at <paramref name="generatedAt"/>.</summary>
    public DateTimeOffset NotBefore(DateTimeOffset generatedAt)
    {
        return generatedAt.AddYears(NotBeforeYears).Add(NotBeforeOffset);
    }

    /// <summary>The last instant of the window, for a PKI generated at <paramref name="generatedAt"/>.</summary>
    public DateTimeOffset NotAfter(DateTimeOffset generatedAt)
    {
        return generatedAt.AddYears(NotAfterYears);
    }
}
