using Microsoft.Extensions.Logging;

namespace Verify.TestRp.Logging;

/// <summary>
/// The test RP's log events, with fixed IDs (STYLE.md "Errors and logs"). Request IDs and error codes only: never a
/// NameID, an attribute or a message.
/// </summary>
internal static partial class TestRpLog
{
    [LoggerMessage(EventId = 4201, Level = LogLevel.Information, Message = "AuthnRequest {RequestId} sent to the hub with {Binding}.")]
    public static partial void AuthnRequestSent(this ILogger logger, string requestId, string binding);

    [LoggerMessage(EventId = 4202, Level = LogLevel.Information, Message = "Response to {RequestId} accepted: identity proved at {Level}.")]
    public static partial void IdentityProved(this ILogger logger, string requestId, string level);

    [LoggerMessage(EventId = 4203, Level = LogLevel.Information, Message = "Response to {RequestId} accepted with failure status {StatusCode} / {SubStatusCode}.")]
    public static partial void FailureStatusReceived(this ILogger logger, string requestId, string statusCode, string? subStatusCode);

    [LoggerMessage(EventId = 4204, Level = LogLevel.Warning, Message = "Response refused: {ErrorId} {ErrorCode}.")]
    public static partial void ResponseRefused(this ILogger logger, string errorId, string errorCode);
}
