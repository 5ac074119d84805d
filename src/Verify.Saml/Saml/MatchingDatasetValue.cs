namespace Verify.Saml.Saml;

/// <summary>
/// A value of Verify's matching dataset. Every such value carries the period it was true for
/// (<c>ida:From</c>, <c>ida:To</c>) and whether the IDP verified it (<c>ida:Verified</c>), because IDPs send a
/// citizen's history, not only the current value.
/// </summary>
public abstract record MatchingDatasetValue : AttributeValue
{
    private protected MatchingDatasetValue()
    {
    }

    /// <summary>The first day the value was true (<c>ida:From</c>).</summary>
    public DateOnly? From { get; init; }

    /// <summary>The last day the value was true (<c>ida:To</c>); absent for a current value.</summary>
    public DateOnly? To { get; init; }

    /// <summary>Whether the IDP verified the value (<c>ida:Verified</c>; absent means false).</summary>
    public bool Verified { get; init; }
}
