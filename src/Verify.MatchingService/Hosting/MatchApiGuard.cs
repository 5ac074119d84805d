using Microsoft.AspNetCore.Http;

namespace Verify.MatchingService.Hosting;

/// <summary>
/// Who may call <c>POST /match</c>. In Development mode anyone who reaches the endpoint (a Development or Test
/// environment only: <see cref="MatchingServiceApp.Build"/> refuses the mode elsewhere). In MutualTls mode only a
/// connection to the mutual-TLS port that presented a pinned client certificate; the TLS handshake already refuses
/// others, and this check holds even if the route were reached some other way.
/// </summary>
internal sealed class MatchApiGuard(MatchApiOptions options, ClientCertificatePins pins)
{
    public (IResult Result, string Reason)? Refusal(HttpContext http)
    {
        if (options.Mode == MatchApiMode.Development)
        {
            return null;
        }

        if (options.Mode != MatchApiMode.MutualTls || http.Connection.LocalPort != options.Port)
        {
            // Not on the mutual-TLS listener: as if the route did not exist.
            return (Results.NotFound(), "not on the mutual-TLS listener");
        }

        return pins.Allows(http.Connection.ClientCertificate)
            ? null
            : (Results.StatusCode(StatusCodes.Status403Forbidden), "client certificate not pinned");
    }
}
