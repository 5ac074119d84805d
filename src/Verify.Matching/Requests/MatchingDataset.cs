namespace Verify.Matching.Requests;

/// <summary>
/// The identity the IDP asserted (MDS_* attributes), in the local-matching JSON shape:
/// <c>firstName</c>, <c>surnames</c> and <c>dateOfBirth</c> are required.
/// </summary>
public sealed record MatchingDataset
{
    /// <summary>The first name.</summary>
    public MdsValue<string>? FirstName { get; init; }

    /// <summary>Middle names, if any.</summary>
    public MdsValue<string>? MiddleNames { get; init; }

    /// <summary>Current and previous surnames (a previous one has <c>to</c> set).</summary>
    public IReadOnlyList<MdsValue<string>>? Surnames { get; init; }

    /// <summary>The gender, if the IDP gave it.</summary>
    public MdsValue<MdsGender>? Gender { get; init; }

    /// <summary>The date of birth (<c>YYYY-MM-DD</c>).</summary>
    public MdsValue<DateOnly>? DateOfBirth { get; init; }

    /// <summary>Current and previous addresses.</summary>
    public IReadOnlyList<MdsAddress>? Addresses { get; init; }
}
