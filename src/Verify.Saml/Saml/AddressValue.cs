namespace Verify.Saml.Saml;

/// <summary>
/// An address (<c>xsi:type="ida:AddressType"</c>) with child elements <c>ida:Line</c> (repeated),
/// <c>ida:PostCode</c>, <c>ida:InternationalPostCode</c> and <c>ida:UPRN</c>. Two addresses are equal when
/// all their parts, lines included, are equal.
/// </summary>
public sealed record AddressValue : MatchingDatasetValue
{
    /// <summary>The address lines, in order.</summary>
    public IReadOnlyList<string> Lines { get; init; } = [];

    /// <summary>The UK postcode.</summary>
    public string? PostCode { get; init; }

    /// <summary>A postcode outside the UK.</summary>
    public string? InternationalPostCode { get; init; }

    /// <summary>The Unique Property Reference Number.</summary>
    public string? Uprn { get; init; }

    /// <inheritdoc/>
    public bool Equals(AddressValue? other) =>
        other is not null
        && base.Equals(other)
        && Lines.SequenceEqual(other.Lines, StringComparer.Ordinal)
        && string.Equals(PostCode, other.PostCode, StringComparison.Ordinal)
        && string.Equals(InternationalPostCode, other.InternationalPostCode, StringComparison.Ordinal)
        && string.Equals(Uprn, other.Uprn, StringComparison.Ordinal);

    /// <inheritdoc/>
    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.Add(base.GetHashCode());
        foreach (var line in Lines)
        {
            hash.Add(line, StringComparer.Ordinal);
        }

        hash.Add(PostCode, StringComparer.Ordinal);
        hash.Add(InternationalPostCode, StringComparer.Ordinal);
        hash.Add(Uprn, StringComparer.Ordinal);
        return hash.ToHashCode();
    }
}
