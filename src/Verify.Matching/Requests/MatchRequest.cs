namespace Verify.Matching.Requests;

/// <summary>
/// A request to match one verified identity to a departmental record, in the shape of Verify's
/// local-matching JSON (VERIFY-REFERENCE.md): the same type serves the engine, the matching service
/// and the <c>POST /match</c> endpoint. Built from outside input: call <see cref="Engine.MatchRequestValidator"/>
/// before use (the engine does).
/// </summary>
public sealed record MatchRequest
{
    /// <summary>Identifies the matching exchange; cycle 3 attempts are counted per match ID.</summary>
    public string? MatchId { get; init; }

    /// <summary>LEVEL_1 … LEVEL_4.</summary>
    public string? LevelOfAssurance { get; init; }

    /// <summary>Verify's hashed PID: hex SHA-256 of IDP entity ID + matching service entity ID + PID.</summary>
    public string? HashedPid { get; init; }

    /// <summary>The identity the IDP asserted.</summary>
    public MatchingDataset? MatchingDataset { get; init; }

    /// <summary>Present in cycle 3: the extra identifier the citizen typed.</summary>
    public Cycle3Dataset? Cycle3Dataset { get; init; }
}
