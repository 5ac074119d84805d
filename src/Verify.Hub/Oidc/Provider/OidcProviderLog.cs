using Microsoft.Extensions.Logging;

namespace Verify.Hub.Oidc.Provider;

/// <summary>The OpenID Provider's operator messages (no personal data: client IDs and configuration only).</summary>
internal static partial class OidcProviderLog
{
    [LoggerMessage(EventId = 2110, Level = LogLevel.Error, Message = "{Problem}")]
    public static partial void IdTokenKeyMissing(ILogger logger, string problem);
}
