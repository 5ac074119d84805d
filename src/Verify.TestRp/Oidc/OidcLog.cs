using Microsoft.Extensions.Logging;

namespace Verify.TestRp.Oidc;

/// <summary>
/// The OIDC side's log events, with fixed IDs (STYLE.md "Errors and logs"): registration, levels and error codes only,
/// never a <c>sub</c>, a claim or a token.
/// </summary>
internal static partial class OidcLog
{
    [LoggerMessage(EventId = 4211, Level = LogLevel.Information, Message = "OIDC authorization request sent to the hub for {ClientId} with {LevelCount} acr_values.")]
    public static partial void AuthorizationRequestSent(this ILogger logger, string clientId, int levelCount);

    [LoggerMessage(EventId = 4212, Level = LogLevel.Information, Message = "ID token accepted for {ClientId}: identity proved at {Level}.")]
    public static partial void IdentityProved(this ILogger logger, string clientId, string level);

    [LoggerMessage(EventId = 4213, Level = LogLevel.Information, Message = "The hub answered {ClientId}'s request with error {Error}.")]
    public static partial void HubErrorReceived(this ILogger logger, string clientId, string error);

    [LoggerMessage(EventId = 4214, Level = LogLevel.Warning, Message = "OIDC callback refused: {Code} {Id}.")]
    public static partial void CallbackRefused(this ILogger logger, string code, string id);

    [LoggerMessage(EventId = 4215, Level = LogLevel.Information, Message = "Signing out of {ClientId} at the hub.")]
    public static partial void SigningOut(this ILogger logger, string clientId);

    [LoggerMessage(EventId = 4216, Level = LogLevel.Information, Message = "Sign-out asked with no sign-in remembered for this browser.")]
    public static partial void NothingToSignOut(this ILogger logger);

    [LoggerMessage(EventId = 4217, Level = LogLevel.Information, Message = "The hub signed the citizen out of {ClientId}.")]
    public static partial void SignedOut(this ILogger logger, string clientId);

    [LoggerMessage(EventId = 4218, Level = LogLevel.Warning, Message = "Post-logout redirect refused: {Code}.")]
    public static partial void SignedOutRefused(this ILogger logger, string code);
}
