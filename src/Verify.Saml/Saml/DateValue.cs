namespace Verify.Saml.Saml;

/// <summary>A date (<c>xsi:type="ida:DateType"</c>), e.g. a date of birth; the text is an <c>xs:date</c>.</summary>
public sealed record DateValue : MatchingDatasetValue
{
    /// <summary>The date.</summary>
    public required DateOnly Value { get; init; }
}
