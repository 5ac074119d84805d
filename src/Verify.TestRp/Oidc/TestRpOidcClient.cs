using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http;
using Microsoft.IdentityModel.Tokens;

using OpenIddict.Client;

using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Verify.TestRp.Oidc;

/// <summary>
/// Registers OpenIddict's client for the test RP's OIDC registration (ADR 0024): one static registration for the hub,
/// the code flow only with PKCE S256, the <c>query</c> response mode, <c>private_key_jwt</c> only, and the callback
/// at <see cref="TestRpPaths.OidcCallback"/> handled by the RP's own page (pass-through), errors included.
/// </summary>
internal static class TestRpOidcClient
{
    /// <summary>The registration's ID (also names OpenIddict's HTTP client for it).</summary>
    public const string RegistrationId = "hub";

    public static void Add(IServiceCollection services, TestRpOptions options, Uri publicBaseUrl)
    {
        var oidc = options.Oidc ?? throw new ArgumentException("No OIDC registration.", nameof(options));
        services.AddSingleton(oidc);
        services.AddSingleton<OidcResultReader>();

        // State tokens are stored (OidcClientStore): the state sent is a short reference, redeemed once, bound to this
        // browser by OpenIddict's request forgery protection cookie. Their keys are held in memory, like the SAML
        // side's key ring; several nodes would need shared keys and a shared database.
        var connectionString = OidcClientStore.NewConnectionString();
        services.AddDbContext<OidcClientDbContext>(db => db.UseSqlite(connectionString));
        services.AddSingleton(provider => new OidcClientStore(
            connectionString, provider.GetRequiredService<IServiceScopeFactory>(), options.TimeProvider));
        services.AddHostedService(provider => provider.GetRequiredService<OidcClientStore>());
        services.AddOpenIddict()
            .AddCore(core => core.UseEntityFrameworkCore().UseDbContext<OidcClientDbContext>())
            .AddClient(client =>
        {
            client.AllowAuthorizationCodeFlow();
            client.AddEphemeralEncryptionKey().AddEphemeralSigningKey();
            client.SetRedirectionEndpointUris(TestRpPaths.OidcCallback);

            // The hub's session length: a citizen may take that long at the IDP (TestRpOptions.RequestLifetime).
            client.SetStateTokenLifetime(options.RequestLifetime);
            client.Configure(o => o.TimeProvider = options.TimeProvider);

            var host = client.UseAspNetCore().EnableRedirectionEndpointPassthrough().EnableErrorPassthrough();
            if (oidc.Issuer.Scheme == Uri.UriSchemeHttp)
            {
                // Validated: http only to a loopback hub (start-dev --plain-http).
                host.DisableTransportSecurityRequirement();
            }

            client.UseSystemNetHttp().SetProductInformation(typeof(TestRpOidcClient).Assembly);
            client.AddRegistration(Registration(oidc, publicBaseUrl));

            // Marks an error response that passed OpenIddict's state, request forgery and issuer checks, so the page
            // tells "the hub answered with an error" apart from "the response was refused".
            client.AddEventHandler<OpenIddictClientEvents.ProcessAuthenticationContext>(builder =>
                builder.UseSingletonHandler<HubErrorMarker>()
                    .SetOrder(OpenIddictClientHandlers.HandleFrontchannelErrorResponse.Descriptor.Order - 1)
                    .SetType(OpenIddictClientHandlerType.Custom));
        });

        if (oidc.Backchannel is { } backchannel)
        {
            // OpenIddict names its HTTP clients "OpenIddict.Client.SystemNetHttp:{key}" (the key is its own, per client
            // settings) and insists on an HttpClientHandler as the primary handler; ours forwards to the handler the
            // options make. The test RP has one registration, the hub: every OpenIddict client here talks to it.
            var prefix = typeof(OpenIddict.Client.SystemNetHttp.OpenIddictClientSystemNetHttpOptions).Assembly.GetName().Name + ":";
            services.ConfigureAll<HttpClientFactoryOptions>(factory => factory.HttpMessageHandlerBuilderActions.Add(builder =>
            {
                if (builder.Name is { } name && name.StartsWith(prefix, StringComparison.Ordinal))
                {
                    builder.PrimaryHandler = new BackchannelHandler(backchannel());
                }
            }));
        }
    }

    private static OpenIddictClientRegistration Registration(TestRpOidcOptions oidc, Uri publicBaseUrl)
    {
        var registration = new OpenIddictClientRegistration
        {
            RegistrationId = RegistrationId,
            ProviderName = RegistrationId,
            ProviderDisplayName = "GOV.UK Verify",
            Issuer = oidc.Issuer,
            ClientId = oidc.ClientId,

            // Registered exactly at the hub (RFC 9700 4.1.3): the public origin plus the callback path.
            RedirectUri = new Uri(publicBaseUrl, TestRpPaths.OidcCallback),
        };
        registration.Scopes.UnionWith(oidc.Scopes);
        registration.SigningCredentials.Add(new SigningCredentials(OidcClientKey.SigningKey(oidc.ClientAssertionCertificate), SecurityAlgorithms.RsaSha256));

        // Only what the hub's profile allows (ADR 0021): nothing is left to negotiation.
        registration.ClientAuthenticationMethods.Add(ClientAuthenticationMethods.PrivateKeyJwt);
        registration.CodeChallengeMethods.Add(CodeChallengeMethods.Sha256);
        registration.GrantTypes.Add(GrantTypes.AuthorizationCode);
        registration.ResponseTypes.Add(ResponseTypes.Code);
        registration.ResponseModes.Add(ResponseModes.Query);
        return registration;
    }
}
