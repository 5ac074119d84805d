using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

using Verify.Web.Security;

namespace Verify.Web.Hosting;

/// <summary>
/// The host wiring every Verify web app shares (STYLE.md: one place, like eShop's ServiceDefaults): Kestrel on the
/// app's endpoint with request limits, the GOV.UK Frontend assets from this assembly, security headers, antiforgery
/// cookies, the page template's localised texts. Apps are libraries so <c>verify start-dev</c> can run hub, stub IDP
/// and test RP in one process.
/// </summary>
public static class VerifyWebHost
{
    /// <summary>Largest request body any endpoint reads (a SAML POST is far smaller; metadata uploads use the CLI).</summary>
    public const long MaxRequestBodyBytes = 512 * 1024;

    /// <summary>
    /// A builder for the app named <paramref name="applicationName"/> (its assembly: Razor pages are discovered from
    /// it), listening on <paramref name="endpoint"/>.
    /// </summary>
    public static WebApplicationBuilder CreateBuilder(string applicationName, WebAppEndpoint endpoint, string environmentName = "Production")
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(applicationName);
        ArgumentNullException.ThrowIfNull(endpoint);
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            ApplicationName = applicationName,
            EnvironmentName = environmentName,
            ContentRootPath = AppContext.BaseDirectory,
            Args = [],
        });
        builder.WebHost.UseKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxRequestBodySize = MaxRequestBodyBytes;
            kestrel.Limits.MaxRequestHeadersTotalSize = 32 * 1024;
            kestrel.Limits.MaxRequestLineSize = 16 * 1024;
            kestrel.Listen(endpoint.ListenAddress, endpoint.ListenPort, listen =>
            {
                listen.Protocols = HttpProtocols.Http1AndHttp2;
                if (endpoint.TlsCertificate is { } certificate)
                {
                    listen.UseHttps(certificate);
                }
            });
        });
        builder.Logging.ClearProviders();
        builder.Logging.AddSimpleConsole(o => o.SingleLine = true);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddSingleton(endpoint);

        // The page template's texts come from resources (ADR 0015); an app that offers more than one language also
        // calls AddVerifyLanguages, and the others show English.
        builder.Services.AddLocalization();
        builder.Services.AddAntiforgery(o =>
        {
            o.Cookie.Name = "verify-csrf-" + applicationName.Replace('.', '-').ToLowerInvariant();
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.SecurePolicy = endpoint.IsHttps ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
            o.Cookie.HttpOnly = true;
            o.HeaderName = null;
        });
        return builder;
    }

    /// <summary>
    /// Security headers on every response, then the GOV.UK assets under <c>/assets/</c>. Call first, before the app's
    /// endpoints.
    /// </summary>
    public static WebApplication UseVerifyWebDefaults(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var endpoint = app.Services.GetRequiredService<WebAppEndpoint>();
        if (endpoint.TlsTerminatedUpstream)
        {
            // The node is reached only through the TLS-terminating proxy: what the browser used was https.
            app.Use((context, next) =>
            {
                context.Request.Scheme = "https";
                return next(context);
            });
        }

        if (endpoint.TrustedProxies.Count > 0)
        {
            var forwarded = new ForwardedHeadersOptions { ForwardedHeaders = ForwardedHeaders.XForwardedFor, ForwardLimit = 1 };
            forwarded.KnownProxies.Clear();
            forwarded.KnownIPNetworks.Clear();
            foreach (var proxy in endpoint.TrustedProxies)
            {
                forwarded.KnownIPNetworks.Add(proxy);
            }

            app.UseForwardedHeaders(forwarded);
        }

        app.UseMiddleware<SecurityHeadersMiddleware>(endpoint.IsHttps);
        app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = new EmbeddedFileProvider(typeof(VerifyWebHost).Assembly, "Verify.Web.wwwroot"),
            RequestPath = "",
            OnPrepareResponse = context =>
                context.Context.Response.Headers.CacheControl = "public, max-age=86400",
        });
        return app;
    }
}
