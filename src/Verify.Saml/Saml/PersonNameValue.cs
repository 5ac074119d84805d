namespace Verify.Saml.Saml;

/// <summary>A name (<c>xsi:type="ida:PersonNameType"</c>): a first name, middle name or surname.</summary>
public sealed record PersonNameValue : MatchingDatasetValue
{
    /// <summary>The name as the IDP recorded it.</summary>
    public required string Value { get; init; }

    /// <summary>The language of the name (<c>ida:Language</c>, e.g. <c>en-GB</c>), if given.</summary>
    public string? Language { get; init; }
}
