using System.Text.Json.Serialization;

using Verify.Matching.Engine;

namespace Verify.Matching.Requests;

/// <summary>
/// The local-matching JSON answer: <c>{"result":"match"}</c> or <c>{"result":"no-match"}</c>, plus the
/// matched record ID for the department's own use (the <c>POST /match</c> endpoint).
/// </summary>
/// <param name="Result"><c>match</c> or <c>no-match</c>; multiple candidates are a no-match.</param>
/// <param name="RecordId">The matched record, only with <c>match</c>.</param>
public sealed record MatchResponse(
    [property: JsonPropertyName("result")] string Result,
    [property: JsonPropertyName("recordId")] string? RecordId)
{
    /// <summary>The wire value of a match.</summary>
    public const string MatchValue = "match";

    /// <summary>The wire value of every other outcome.</summary>
    public const string NoMatchValue = "no-match";

    /// <summary>The answer for an engine result.</summary>
    public static MatchResponse From(MatchResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return result.IsMatch ? new MatchResponse(MatchValue, result.RecordId) : new MatchResponse(NoMatchValue, null);
    }
}
