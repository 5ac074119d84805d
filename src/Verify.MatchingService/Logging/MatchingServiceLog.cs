using Microsoft.Extensions.Logging;

using Verify.MatchingService.Validation;

namespace Verify.MatchingService.Logging;

/// <summary>
/// The matching service's log events, with fixed IDs (STYLE.md "Errors and logs"): one line per query. They carry
/// query IDs, kinds, outcomes and catalogue codes only: never a NameID, a hashed PID, a record ID, a name, a date of
/// birth or an address.
/// </summary>
internal static partial class MatchingServiceLog
{
    [LoggerMessage(EventId = 4201, Level = LogLevel.Information, Message = "Matching query {QueryId} ({Kind}) answered {Answer}: {Detail}")]
    public static partial void QueryAnswered(this ILogger logger, string queryId, MatchingQueryKind kind, string answer, string detail);

    [LoggerMessage(EventId = 4202, Level = LogLevel.Warning, Message = "Matching query {QueryId} refused: {ErrorId} {ErrorName}")]
    public static partial void QueryRefused(this ILogger logger, string queryId, string errorId, string errorName);

    [LoggerMessage(EventId = 4203, Level = LogLevel.Error, Message = "Matching query {QueryId} failed: {ErrorId} {ExceptionType}")]
    public static partial void QueryFailed(this ILogger logger, string queryId, string errorId, string exceptionType);

    [LoggerMessage(EventId = 4204, Level = LogLevel.Information, Message = "POST /match answered {Answer}: {Detail}")]
    public static partial void MatchApiAnswered(this ILogger logger, string answer, string detail);

    [LoggerMessage(EventId = 4205, Level = LogLevel.Warning, Message = "POST /match refused: {Reason}")]
    public static partial void MatchApiRefused(this ILogger logger, string reason);
}
