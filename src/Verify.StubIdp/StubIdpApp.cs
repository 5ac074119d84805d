using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Mvc.ApplicationParts;
using Microsoft.Extensions.DependencyInjection;

using Verify.Saml.Validation;
using Verify.Saml.Validation.InMemory;
using Verify.Saml.Xml;
using Verify.Saml.Xml.Encryption;
using Verify.StubIdp.Hosting;
using Verify.StubIdp.Metadata;
using Verify.StubIdp.Oidc;
using Verify.StubIdp.Requests;
using Verify.StubIdp.Responses;
using Verify.Web.Hosting;

namespace Verify.StubIdp;

/// <summary>
/// The stub identity provider as a web app in a library, so <c>verify start-dev</c> and the tests host it in their
/// own process. For each white-labelled IDP (<see cref="StubIdpOptions.Idps"/>) it serves
/// <c>/{slug}/SAML2/SSO</c> (HTTP-POST and HTTP-Redirect), <c>/{slug}/SAML2/metadata</c> and <c>/{slug}/login</c>;
/// <c>/</c> lists the IDPs.
/// </summary>
public static class StubIdpApp
{
    /// <summary>This assembly's name: the application name, so MVC discovers the Razor pages compiled into it.</summary>
    public static string ApplicationName { get; } = typeof(StubIdpApp).Assembly.GetName().Name!;

    /// <summary>Builds the app on <paramref name="endpoint"/>; the caller starts and disposes it.</summary>
    /// <param name="options">The configuration; validated here, before anything is built.</param>
    /// <param name="endpoint">Where the app listens and the base URL its SSO endpoints and metadata use.</param>
    /// <param name="environmentName">The ASP.NET Core environment (<c>Development</c> shows exception details).</param>
    /// <exception cref="Microsoft.Extensions.Options.OptionsValidationException">The options are not usable.</exception>
    public static WebApplication Build(StubIdpOptions options, WebAppEndpoint endpoint, string environmentName = "Production")
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(endpoint);
        options.Validate();

        var builder = VerifyWebHost.CreateBuilder(ApplicationName, endpoint, environmentName);
        var services = builder.Services;
        services.AddSingleton(options);
        services.AddSingleton<StubIdpUrls>();

        // Keys in memory only: a restart forgets pending logins, which a stub can afford, and nothing is written to
        // the developer's profile. Antiforgery tokens use the same keys.
        services.AddDataProtection().SetApplicationName(ApplicationName).UseEphemeralDataProtectionProvider();
        services.AddRazorPages().ConfigureApplicationPartManager(AddWebParts);

        // Bounded and swept: request IDs seen (replay) and requests answered (one answer per request).
        services.AddSingleton<IReplayCache>(new InMemoryReplayCache(options.TimeProvider, capacity: 100_000));
        services.AddSingleton(sp => new AuthnRequestValidator(options.RequestValidation, sp.GetRequiredService<IReplayCache>(), options.TimeProvider));
        services.AddSingleton<HubRequestReceiver>();
        services.AddSingleton<PendingRequestProtector>();
        services.AddSingleton(_ => SigningCredential.FromCertificate(options.SigningCertificate));
        services.AddSingleton(_ => EncryptionRecipient.FromCertificate(options.HubEncryptionCertificate));
        services.AddSingleton<StubResponseFactory>();
        if (options.Oidc is { } oidc)
        {
            services.AddStubOidc(oidc);
        }

        var app = builder.Build();
        app.UseVerifyWebDefaults();
        app.MapRazorPages();
        app.MapGet("/{slug}/SAML2/metadata", StubIdpMetadata.Handle);
        if (options.Oidc is not null)
        {
            app.MapStubOidc();
        }
        return app;
    }

    /// <summary>
    /// The registration metadata of the white-labelled IDP <paramref name="slug"/> served at <paramref name="endpoint"/>
    /// (no validUntil: the federation's signed metadata carries the validity). <c>start-dev</c> registers the stub from it.
    /// </summary>
    public static System.Xml.XmlDocument RegistrationMetadata(StubIdpOptions options, WebAppEndpoint endpoint, string slug)
    {
        ArgumentNullException.ThrowIfNull(options);
        var idp = options.FindIdp(slug) ?? throw new ArgumentException($"No white-labelled IDP '{slug}'.", nameof(slug));
        var entity = StubIdpMetadata.Describe(idp, options, new StubIdpUrls(endpoint)) with { ValidUntil = null };
        return Verify.Saml.Metadata.MetadataWriter.Write(entity);
    }

    // The GOV.UK layout and the SAML POST form partial live in Verify.Web; add its compiled pages once (the
    // dependency context may have found them already).
    private static void AddWebParts(ApplicationPartManager manager)
    {
        var web = typeof(VerifyWebHost).Assembly;
        if (manager.ApplicationParts.OfType<AssemblyPart>().Any(part => part.Assembly == web))
        {
            return;
        }

        foreach (var part in ApplicationPartFactory.GetApplicationPartFactory(web).GetApplicationParts(web))
        {
            manager.ApplicationParts.Add(part);
        }
    }
}
