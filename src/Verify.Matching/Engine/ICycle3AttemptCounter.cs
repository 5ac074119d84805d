namespace Verify.Matching.Engine;

/// <summary>
/// Counts cycle 3 attempts per match ID, so a citizen (or someone guessing) cannot try identifiers
/// without end. In-memory here; the matching service may put a shared store behind it.
/// </summary>
public interface ICycle3AttemptCounter
{
    /// <summary>Counts one attempt; false when the match ID had already used every attempt allowed.</summary>
    bool TryCountAttempt(string matchId);
}
