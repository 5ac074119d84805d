using Verify.Matching.Requests;

namespace Verify.Matching.Engine;

/// <summary>
/// Create a departmental record for a citizen no record matched: Verify's <c>{hashedPid, levelOfAssurance}</c>
/// plus the matching dataset the IDP asserted. Only verified values are used.
/// </summary>
public sealed record AccountCreationRequest
{
    /// <summary>The hashed PID to link to the new record.</summary>
    public string? HashedPid { get; init; }

    /// <summary>LEVEL_1 … LEVEL_4.</summary>
    public string? LevelOfAssurance { get; init; }

    /// <summary>The identity the IDP asserted.</summary>
    public MatchingDataset? MatchingDataset { get; init; }
}
