using Verify.Matching.Requests;

namespace Verify.Matching.Benchmarks;

/// <summary>One IDP-asserted identity to match: the cycle 1 request, the cycle 3 request (if the person has an identifier to type), and the right answer.</summary>
internal sealed record Probe(Category Category, MatchRequest Cycle1, MatchRequest? Cycle3, string? ExpectedRecordId);
