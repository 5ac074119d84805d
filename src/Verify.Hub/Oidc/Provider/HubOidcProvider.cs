using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

using OpenIddict.Server;

using Verify.Hub.Oidc.Provider.Clients;
using Verify.Hub.Oidc.Provider.Endpoints;
using Verify.Hub.Oidc.Provider.Journey;
using Verify.Hub.Oidc.Provider.Keys;
using Verify.Hub.Oidc.Provider.Storage;
using Verify.OidcProvider.Storage;

using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Verify.Hub.Oidc.Provider;

/// <summary>
/// The hub as an OpenID Provider for relying parties (ADR 0021): OpenIddict's server with the code flow only,
/// PKCE S256, PAR, <c>private_key_jwt</c>; clients read from the hub directory; tokens and authorizations in the
/// provider's own store (<see cref="OidcProviderStore"/>: the host registers PostgreSQL in production, else an
/// in-memory SQLite database serves a single node).
/// </summary>
public static class HubOidcProvider
{
    /// <summary>Registers the OpenID Provider's services.</summary>
    public static IServiceCollection AddHubOidcProvider(this IServiceCollection services, HubOptions options)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(options);
        var store = services.FirstOrDefault(d => d.ServiceType == typeof(OidcProviderStore))?.ImplementationInstance as OidcProviderStore;
        if (store is null)
        {
            store = new OidcProviderStore(OidcProviderStoreKind.Sqlite, $"Data Source=verify-oidc-{Guid.NewGuid():N};Mode=Memory;Cache=Shared");
            services.AddSingleton(store);
        }

        store.AddTo(services);
        services.AddHostedService<OidcProviderStoreStartup>();
        services.AddSingleton(provider => new TokenPruning(
            provider.GetRequiredService<IServiceScopeFactory>(), options.TimeProvider, provider.GetRequiredService<ILogger<TokenPruning>>()));
        services.AddHostedService(provider => provider.GetRequiredService<TokenPruning>());
        services.AddSingleton<ResumeHandle>(provider => new ResumeHandle(
            provider.GetRequiredService<Microsoft.AspNetCore.DataProtection.IDataProtectionProvider>(), options.TimeProvider));
        services.TryAddSingleton(new ClientKeys(options.TimeProvider, options.AllowLoopbackHttp));
        services.AddSingleton(new HubSigningKeys(options));
        services.AddSingleton<OidcProviderContext>();
        services.AddSingleton<OidcAnswerForm>();
        services.AddSingleton<RefusalAudit>();

        services.AddOpenIddict()
            .AddCore(core =>
            {
                core.UseEntityFrameworkCore().UseDbContext<OidcProviderDbContext>();

                // Clients come from the directory (one source of truth, current on every node), not from a table.
                core.SetDefaultApplicationEntity<OidcApplication>();
                core.ReplaceApplicationStore<OidcApplication, DirectoryApplicationStore>(ServiceLifetime.Scoped);
                core.DisableEntityCaching();
                core.Configure(o => o.TimeProvider = options.TimeProvider);
            })
            .AddServer(server => ConfigureServer(server, options));
        services.AddOptions<OpenIddictServerOptions>().Configure<HubEndpoints>((o, endpoints) => o.Issuer = new Uri(endpoints.SingleSignOn, "/"));
        return services;
    }

    /// <summary>Maps the endpoints OpenIddict passes through to the hub.</summary>
    public static WebApplication MapHubOidcProvider(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);

        // OpenIddict answers its own endpoints from the authentication middleware: here, after the hub's security
        // headers and exception handler (once, whichever OIDC side adds it first; the hub adds it for OpenIddict's paths
        // only, ADR 0021 addendum, before this).
        if (!((IApplicationBuilder)app).Properties.ContainsKey("__AuthenticationMiddlewareSet"))
        {
            app.UseAuthentication();
        }

        app.MapMethods(OidcProviderPaths.Authorize, [HttpMethods.Get, HttpMethods.Post], AuthorizeEndpoint.HandleAsync).DisableAntiforgery();
        app.MapPost(OidcProviderPaths.Resume, ResumeEndpoint.HandleAsync).DisableAntiforgery();
        app.MapPost(OidcProviderPaths.Token, (Delegate)TokenEndpoint.HandleAsync).DisableAntiforgery();
        app.MapMethods(OidcProviderPaths.UserInfo, [HttpMethods.Get, HttpMethods.Post], (Delegate)UserInfoEndpoint.HandleAsync).DisableAntiforgery();
        app.MapMethods(OidcProviderPaths.EndSession, [HttpMethods.Get, HttpMethods.Post], EndSessionEndpoint.HandleAsync).DisableAntiforgery();
        return app;
    }

    private static void ConfigureServer(OpenIddictServerBuilder server, HubOptions options)
    {
        server.SetConfigurationEndpointUris(OidcProviderPaths.Discovery)
            .SetJsonWebKeySetEndpointUris(OidcProviderPaths.Jwks)
            .SetAuthorizationEndpointUris(OidcProviderPaths.Authorize)
            .SetPushedAuthorizationEndpointUris(OidcProviderPaths.PushedAuthorization)
            .SetTokenEndpointUris(OidcProviderPaths.Token)
            .SetUserInfoEndpointUris(OidcProviderPaths.UserInfo)
            .SetEndSessionEndpointUris(OidcProviderPaths.EndSession);

        // Code flow only, PKCE required (issue 7; RFC 9700 2.1.1); no implicit, hybrid, refresh or other grants.
        server.AllowAuthorizationCodeFlow().RequireProofKeyForCodeExchange();
        server.AddEventHandler(ClientAssertionReplay.Descriptor)
            .AddEventHandler(ClientKeyRefetch.Descriptor)
            .AddEventHandler(IdTokenCredentials.Descriptor)
            .AddEventHandler(PublishedSigningKeys.Descriptor)
            .AddEventHandler(IdTokenAlgorithmsDiscovery.Descriptor)
            .AddEventHandler(HubTokenValidationKeys.Descriptor)
            .AddEventHandler(RefusalAudit.Authorization)
            .AddEventHandler(RefusalAudit.Pushed)
            .AddEventHandler(RefusalAudit.Token);

        // Every authorization request becomes a request token (as a pushed one does) so the journey keeps only its URI.
        server.EnableAuthorizationRequestCaching();
        server.RegisterScopes(Scopes.OpenId, Clients.OidcClaimNames.IdentityScope);
        server.RegisterClaims(
            Claims.Subject, Claims.AuthenticationContextReference, Tokens.CitizenPrincipal.VerifiedClaimsType,
            Journeys.RpMatchOutcome.OutcomeName, Journeys.RpMatchOutcome.HashedPidName);

        // The hub's SAML signing key signs ID tokens (RS256, or PS256 / ES256 where a client registered it:
        // IdTokenCredentials); its encryption certificates (all decrypt, rollover) encrypt codes and access tokens,
        // which only the hub reads. Only the current key is OpenIddict's: the next one is published, never signs
        // (PublishedSigningKeys), as OpenIddict would sign with whichever certificate expires last.
        server.AddSigningCertificate(options.SigningCertificate);
        foreach (var certificate in options.EncryptionCertificates)
        {
            server.AddEncryptionCertificate(certificate);
        }

        server.SetAuthorizationCodeLifetime(TimeSpan.FromMinutes(1))
            .SetAccessTokenLifetime(TimeSpan.FromMinutes(5))
            .SetIdentityTokenLifetime(TimeSpan.FromMinutes(5));
        server.Configure(o =>
        {
            o.TimeProvider = options.TimeProvider;

            // RFC 7636 4.2 / issue 7: S256 only; "plain" is refused.
            o.CodeChallengeMethods.Clear();
            o.CodeChallengeMethods.Add(CodeChallengeMethods.Sha256);
            o.ResponseModes.Remove(ResponseModes.Fragment);
        });

        var aspNetCore = server.UseAspNetCore()
            .EnableAuthorizationEndpointPassthrough()
            .EnableTokenEndpointPassthrough()
            .EnableUserInfoEndpointPassthrough()
            .EnableEndSessionEndpointPassthrough();
        if (options.AllowLoopbackHttp)
        {
            aspNetCore.DisableTransportSecurityRequirement();
        }
    }
}
