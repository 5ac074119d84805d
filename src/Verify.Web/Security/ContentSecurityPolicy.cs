using System.Security.Cryptography;

using Microsoft.AspNetCore.Http;

namespace Verify.Web.Security;

/// <summary>
/// One response's Content-Security-Policy (CSP Level 3): nothing by default, scripts and styles from our own origin
/// only (inline scripts only with this response's nonce), forms posted only to our own origin unless an endpoint
/// adds the one destination it renders a form for (the SAML HTTP-POST binding to a registered peer).
/// </summary>
public sealed class ContentSecurityPolicy
{
    private readonly List<string> _formActions = ["'self'"];

    private ContentSecurityPolicy()
    {
        Nonce = Convert.ToBase64String(RandomNumberGenerator.GetBytes(16));
    }

    /// <summary>This response's script nonce.</summary>
    public string Nonce { get; }

    /// <summary>The policy of the current response (created by the middleware on entry).</summary>
    public static ContentSecurityPolicy For(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Items[typeof(ContentSecurityPolicy)] is ContentSecurityPolicy existing)
        {
            return existing;
        }

        var policy = new ContentSecurityPolicy();
        context.Items[typeof(ContentSecurityPolicy)] = policy;
        return policy;
    }

    /// <summary>Lets this response's form post to <paramref name="destination"/>'s origin (and nowhere else new).</summary>
    public void AllowFormAction(Uri destination)
    {
        ArgumentNullException.ThrowIfNull(destination);
        if (!destination.IsAbsoluteUri || destination.Scheme is not ("https" or "http"))
        {
            throw new ArgumentException("A form destination must be an absolute http(s) URL.", nameof(destination));
        }

        var origin = destination.GetLeftPart(UriPartial.Authority);
        if (!_formActions.Contains(origin))
        {
            _formActions.Add(origin);
        }
    }

    /// <inheritdoc/>
    public override string ToString() =>
        "default-src 'none'; " +
        $"script-src 'self' 'nonce-{Nonce}'; " +
        "style-src 'self'; img-src 'self'; font-src 'self'; connect-src 'self'; manifest-src 'self'; " +
        $"form-action {string.Join(' ', _formActions)}; " +
        "frame-ancestors 'none'; base-uri 'none'; object-src 'none'";
}
