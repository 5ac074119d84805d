using Microsoft.AspNetCore.Http;

namespace Verify.Web.Security;

/// <summary>
/// Headers on every response (ARCHITECTURE.md "Rules that hold everywhere"; OWASP Secure Headers): a strict
/// Content-Security-Policy with a per-response script nonce and <c>frame-ancestors 'none'</c>,
/// <c>Referrer-Policy: no-referrer</c> (the IDP must not learn which service the citizen came from), no sniffing,
/// no framing, HSTS over TLS, and <c>no-store</c> unless an endpoint chose otherwise (pages carry personal data).
/// </summary>
internal sealed class SecurityHeadersMiddleware(RequestDelegate next, bool https)
{
    public Task InvokeAsync(HttpContext context)
    {
        var policy = ContentSecurityPolicy.For(context);
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            headers.ContentSecurityPolicy = policy.ToString();
            headers["Referrer-Policy"] = "no-referrer";
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Cross-Origin-Opener-Policy"] = "same-origin";
            headers["Cross-Origin-Resource-Policy"] = "same-origin";
            headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(), payment=(), usb=()";
            if (https)
            {
                headers.StrictTransportSecurity = "max-age=31536000";
            }

            if (string.IsNullOrEmpty(headers.CacheControl))
            {
                headers.CacheControl = "no-store";
                headers.Pragma = "no-cache";
            }

            return Task.CompletedTask;
        });
        return next(context);
    }
}
