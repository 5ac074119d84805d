namespace Verify.MatchingService.Matching;

/// <summary>The matching logic's answer.</summary>
/// <param name="IsMatch">True only for exactly one record.</param>
/// <param name="RecordId">The department's record, when the logic says (the reference engine does; Verify's JSON does not).</param>
/// <param name="Detail">How the answer was reached, for the log (e.g. <c>MultipleCandidates in Cycle1</c>); never personal data.</param>
public sealed record LocalMatchResult(bool IsMatch, string? RecordId, string Detail);
