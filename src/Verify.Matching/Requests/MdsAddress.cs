namespace Verify.Matching.Requests;

/// <summary>An address in the matching dataset: <c>{lines[], postCode, internationalPostCode?, uprn?, from, to?, verified}</c>.</summary>
public sealed record MdsAddress
{
    /// <summary>The address lines, first line first.</summary>
    public IReadOnlyList<string> Lines { get; init; } = [];

    /// <summary>The UK postcode, in any spacing and case.</summary>
    public string? PostCode { get; init; }

    /// <summary>A non-UK postcode; not used for matching UK records.</summary>
    public string? InternationalPostCode { get; init; }

    /// <summary>The Unique Property Reference Number, if the IDP gave one.</summary>
    public string? Uprn { get; init; }

    /// <summary>Since when the citizen lived there.</summary>
    public DateOnly? From { get; init; }

    /// <summary>When the citizen left; null for the current address.</summary>
    public DateOnly? To { get; init; }

    /// <summary>Whether the IDP verified the address.</summary>
    public bool Verified { get; init; }
}
