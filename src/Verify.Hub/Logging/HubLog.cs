using Microsoft.Extensions.Logging;

namespace Verify.Hub.Logging;

/// <summary>
/// The hub's log events, source-generated with fixed IDs (STYLE.md). Only codes, state names and entity IDs of
/// organisations: never a NameID, an attribute, a journey ID in full or a message body.
/// </summary>
internal static partial class HubLog
{
    [LoggerMessage(1001, LogLevel.Warning, "AuthnRequest refused: {ErrorId}")]
    public static partial void AuthnRequestRefused(ILogger logger, string errorId);

    [LoggerMessage(1002, LogLevel.Information, "Journey started for {RpEntityId}")]
    public static partial void JourneyStarted(ILogger logger, string rpEntityId);

    [LoggerMessage(1003, LogLevel.Warning, "IDP response refused: {ErrorId}")]
    public static partial void IdpResponseRefused(ILogger logger, string errorId);

    [LoggerMessage(1004, LogLevel.Warning, "Journey step {Step} refused in state {State}: {Reason}")]
    public static partial void StepRefused(ILogger logger, string step, string state, string reason);

    [LoggerMessage(1005, LogLevel.Information, "Journey step {Step} lost to a concurrent request; journey now {State}")]
    public static partial void StepConflict(ILogger logger, string step, string state);

    [LoggerMessage(1006, LogLevel.Information, "Answered {RpEntityId}: {Outcome}")]
    public static partial void RpAnswered(ILogger logger, string rpEntityId, string outcome);

    [LoggerMessage(1007, LogLevel.Information, "No journey for this browser on {Path}")]
    public static partial void NoJourney(ILogger logger, string path);

    [LoggerMessage(1009, LogLevel.Warning, "Rate limit reached on {Path} for a {Partition}")]
    public static partial void RateLimited(ILogger logger, string path, string partition);

    [LoggerMessage(1008, LogLevel.Warning, "Form refused on {Path}: {Reason}")]
    public static partial void FormRefused(ILogger logger, string path, string reason);

    [LoggerMessage(1010, LogLevel.Error, "Audit trail not written on {Path}: the step was not taken")]
    public static partial void AuditWriteFailed(ILogger logger, string path);

    [LoggerMessage(1011, LogLevel.Error, "Unexpected failure on {Path}: {ExceptionType} {StackTrace}")]
    public static partial void UnexpectedFailure(ILogger logger, string path, string exceptionType, string stackTrace);

    [LoggerMessage(1012, LogLevel.Information, "Matching query {Cycle} sent to {MatchingServiceEntityId}")]
    public static partial void MatchingQuerySent(ILogger logger, string cycle, string matchingServiceEntityId);

    [LoggerMessage(1013, LogLevel.Information, "Matching answer {Outcome} to {Cycle} from {MatchingServiceEntityId} ({ErrorId})")]
    public static partial void MatchingAnswered(ILogger logger, string outcome, string cycle, string matchingServiceEntityId, string errorId);

    [LoggerMessage(1014, LogLevel.Warning, "No matching answer to {Cycle} from {MatchingServiceEntityId} in time: the journey reads as MatchingServiceRequestError")]
    public static partial void MatchingNoAnswer(ILogger logger, string cycle, string matchingServiceEntityId);

    [LoggerMessage(1015, LogLevel.Error, "Matching query failed unexpectedly: {ExceptionType} {StackTrace}")]
    public static partial void MatchingWorkerFailed(ILogger logger, string exceptionType, string stackTrace);

    [LoggerMessage(1016, LogLevel.Information, "Matching answer to {Cycle} not applied: journey now {State} ({Status})")]
    public static partial void MatchingAnswerNotApplied(ILogger logger, string cycle, string state, string status);

    [LoggerMessage(1017, LogLevel.Warning, "OpenID Connect IDP unreachable for an authorization request: {ExceptionType}")]
    public static partial void OidcIdpUnavailable(ILogger logger, string exceptionType);

    [LoggerMessage(1018, LogLevel.Warning, "OpenID Connect IDP answer refused: {ErrorId}")]
    public static partial void OidcAnswerRefused(ILogger logger, string errorId);
}
