using System.Text.Json.Serialization;

namespace Verify.Cli.MatchingConformance;

/// <summary>
/// A local matching service's answer as the matching service reads it (its <c>LocalMatchingWireResult</c>):
/// <c>{"result": "match"|"no-match"|"success"|"failure"}</c>, other members ignored.
/// </summary>
internal sealed record AnswerBody([property: JsonPropertyName("result")] string? Result);
