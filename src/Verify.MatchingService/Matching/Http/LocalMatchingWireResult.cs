using System.Text.Json.Serialization;

namespace Verify.MatchingService.Matching.Http;

/// <summary>A local matching service's answer: <c>{"result":"match"|"no-match"}</c> or <c>{"result":"success"|"failure"}</c>.</summary>
internal sealed record LocalMatchingWireResult([property: JsonPropertyName("result")] string? Result);
