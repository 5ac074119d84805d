using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

using Verify.TestRp.Oidc;
using Verify.TestRp.Protocol;
using Verify.TestRp.RequestState;
using Verify.Web.Hosting;

namespace Verify.TestRp;

/// <summary>
/// The test relying party as a web app: a government service stand-in that sends the citizen to the hub with a signed
/// AuthnRequest and fully validates the Response it gets back. A library, so <c>verify start-dev</c>, browser tests
/// and integration tests host it in their own process; the caller starts it.
/// </summary>
public static class TestRpApp
{
    /// <summary>The media type of SAML metadata (SAML Metadata 4.1.1).</summary>
    private const string MetadataContentType = "application/samlmetadata+xml";

    /// <summary>The application name (this assembly's), so MVC finds the pages compiled into it.</summary>
    public static string ApplicationName { get; } = typeof(TestRpApp).Assembly.GetName().Name!;

    /// <summary>Builds the app on <paramref name="endpoint"/>; call <c>StartAsync</c> or <c>RunAsync</c> on the result.</summary>
    /// <param name="options">Who the RP is, which hub it trusts, its keys (validated here).</param>
    /// <param name="endpoint">Where it listens, and its public base URL (an origin: the paths are at the root).</param>
    /// <param name="environmentName">The hosting environment name.</param>
    /// <exception cref="Microsoft.Extensions.Options.OptionsValidationException">The options are invalid.</exception>
    public static WebApplication Build(TestRpOptions options, WebAppEndpoint endpoint, string environmentName = "Production")
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(endpoint);
        options.Validate();

        // Built once, before the host: a base URL the metadata cannot describe fails here, not on the first request.
        var metadataXml = TestRpMetadata.Build(options, endpoint.PublicBaseUrl).OuterXml;
        var acsUrl = TestRpMetadata.AcsUrl(endpoint.PublicBaseUrl);

        var builder = VerifyWebHost.CreateBuilder(ApplicationName, endpoint, environmentName);
        builder.Services.AddRazorPages().AddApplicationPart(typeof(VerifyWebHost).Assembly);

        // The request cookie and antiforgery tokens are protected with a key ring held in memory: nothing written to
        // disk, and a restart simply makes citizens start again. Several nodes would need a shared key ring.
        builder.Services.AddDataProtection().SetApplicationName(ApplicationName).UseEphemeralDataProtectionProvider();

        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton(new AuthnRequestFactory(options, acsUrl));
        builder.Services.AddSingleton(_ => new ResponseConsumers(options, acsUrl));
        builder.Services.AddSingleton<PendingRequestCookie>();
        if (options.OidcClients.Count > 0)
        {
            // The OIDC registrations (ADR 0024): OpenIddict's client, its callback answered by Pages/OidcCallback.
            TestRpOidcClient.Add(builder.Services, options, endpoint.PublicBaseUrl);
        }

        var app = builder.Build();
        app.UseVerifyWebDefaults();
        app.MapRazorPages();
        var servicesMetadata = options.Services.ToDictionary(s => s.Key, s => TestRpMetadata.Build(options, endpoint.PublicBaseUrl, s).OuterXml, StringComparer.Ordinal);
        app.MapGet(TestRpPaths.Metadata, (string? service) =>
            service is null ? Results.Text(metadataXml, MetadataContentType)
            : servicesMetadata.TryGetValue(service, out var xml) ? Results.Text(xml, MetadataContentType)
            : Results.NotFound());
        return app;
    }
}
