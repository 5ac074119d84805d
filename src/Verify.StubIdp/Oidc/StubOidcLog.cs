using Microsoft.Extensions.Logging;

namespace Verify.StubIdp.Oidc;

/// <summary>
/// The OIDC side's log events, with fixed IDs beside the SAML side's 4101-4104 (STYLE.md "Errors and logs"): slugs,
/// error codes and catalogue descriptions, outcome values only; never a token, a code, a name or an address.
/// </summary>
internal static partial class StubOidcLog
{
    [LoggerMessage(EventId = 4111, Level = LogLevel.Warning, Message = "OIDC authorization request refused at {Slug}: {Error} {Description}")]
    public static partial void AuthorizationRefused(ILogger logger, string slug, string error, string description);

    [LoggerMessage(EventId = 4112, Level = LogLevel.Information, Message = "OIDC authorization request {RequestId} accepted at {Slug}")]
    public static partial void AuthorizationAccepted(ILogger logger, string slug, string requestId);

    [LoggerMessage(EventId = 4113, Level = LogLevel.Information, Message = "OIDC answer to {RequestId} sent by {Slug}: {Outcome}")]
    public static partial void AnswerSent(ILogger logger, string slug, string requestId, string outcome);

    [LoggerMessage(EventId = 4114, Level = LogLevel.Warning, Message = "OIDC token request refused at {Slug}: {Error} {Description}")]
    public static partial void TokenRequestRefused(ILogger logger, string slug, string error, string description);

    [LoggerMessage(EventId = 4115, Level = LogLevel.Information, Message = "OIDC code redeemed at {Slug}")]
    public static partial void CodeRedeemed(ILogger logger, string slug);

    [LoggerMessage(EventId = 4116, Level = LogLevel.Warning, Message = "OIDC userinfo request refused at {Slug}")]
    public static partial void UserInfoRefused(ILogger logger, string slug);
}
