using Microsoft.AspNetCore.Http;

namespace Verify.Web.Security;

/// <summary>Shortcuts pages use: <c>@Context.CspNonce()</c> on an inline script.</summary>
public static class HttpContextSecurityExtensions
{
    /// <summary>This response's CSP script nonce.</summary>
    public static string CspNonce(this HttpContext context) => ContentSecurityPolicy.For(context).Nonce;

    /// <summary>Lets this response's form post to <paramref name="destination"/>'s origin.</summary>
    public static void AllowFormAction(this HttpContext context, Uri destination) =>
        ContentSecurityPolicy.For(context).AllowFormAction(destination);
}
