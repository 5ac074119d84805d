using Microsoft.Extensions.Logging;

using Verify.Saml.Errors;

namespace Verify.StubIdp.Logging;

/// <summary>
/// The stub IDP's log events, with fixed IDs (STYLE.md "Errors and logs"). They carry slugs, SAML message IDs, error
/// codes and outcome names only: never a NameID, a name, a date of birth, an address or an IP address.
/// </summary>
internal static partial class StubIdpLog
{
    [LoggerMessage(EventId = 4101, Level = LogLevel.Warning, Message = "AuthnRequest refused at {Slug}: {ErrorId} {ErrorCode}")]
    public static partial void AuthnRequestRefused(this ILogger logger, string slug, string errorId, SamlErrorCode errorCode);

    [LoggerMessage(EventId = 4102, Level = LogLevel.Information, Message = "AuthnRequest {RequestId} accepted at {Slug}")]
    public static partial void AuthnRequestAccepted(this ILogger logger, string slug, string requestId);

    [LoggerMessage(EventId = 4103, Level = LogLevel.Warning, Message = "Login at {Slug} refused: {Reason}")]
    public static partial void LoginRefused(this ILogger logger, string slug, string reason);

    [LoggerMessage(EventId = 4104, Level = LogLevel.Information, Message = "Response to {RequestId} sent by {Slug}: {Outcome}")]
    public static partial void ResponseSent(this ILogger logger, string slug, string requestId, string outcome);
}
