namespace Verify.MatchingService.Matching;

/// <summary>The matching logic's account creation answer.</summary>
/// <param name="Succeeded">True when the account was created.</param>
/// <param name="Detail">Why not, naming fields only (safe to log); null on success.</param>
public sealed record LocalAccountCreationResult(bool Succeeded, string? Detail);
