using System.Security.Cryptography;
using System.Text;

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http;
using Microsoft.IdentityModel.Tokens;

using OpenIddict.Client;

using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Verify.TestRp.Oidc;

/// <summary>
/// Registers OpenIddict's client for the test RP's OIDC registrations (ADR 0024): one static registration per
/// <see cref="TestRpOptions.OidcClients"/> entry (its registration ID is the entry's key), the code flow only with
/// PKCE S256, the <c>query</c> response mode, <c>private_key_jwt</c> only, and one callback for all at
/// <see cref="TestRpPaths.OidcCallback"/>, handled by the RP's own page (pass-through), errors included: OpenIddict
/// finds the registration from the state token it stored, never from anything else in the response.
/// </summary>
internal static class TestRpOidcClient
{
    public static void Add(IServiceCollection services, TestRpOptions options, Uri publicBaseUrl)
    {
        if (options.OidcClients is not { Count: > 0 } clients)
        {
            throw new ArgumentException("No OIDC registration.", nameof(options));
        }

        services.AddSingleton(new OidcRegistrations(clients));
        services.AddSingleton<OidcSignIns>();

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
            client.SetPostLogoutRedirectionEndpointUris(TestRpPaths.OidcSignedOut);

            // The hub's session length: a citizen may take that long at the IDP (TestRpOptions.RequestLifetime).
            client.SetStateTokenLifetime(options.RequestLifetime);
            client.Configure(o => o.TimeProvider = options.TimeProvider);

            var host = client.UseAspNetCore()
                .EnableRedirectionEndpointPassthrough()
                .EnablePostLogoutRedirectionEndpointPassthrough()
                .EnableErrorPassthrough();
            if (clients.Any(oidc => oidc.Issuer.Scheme == Uri.UriSchemeHttp))
            {
                // Validated: http only to a loopback hub (start-dev --plain-http).
                host.DisableTransportSecurityRequirement();
            }

            client.UseSystemNetHttp().SetProductInformation(typeof(TestRpOidcClient).Assembly);
            foreach (var oidc in clients)
            {
                client.AddRegistration(Registration(oidc, publicBaseUrl));
            }

            // Marks an error response that passed OpenIddict's state, request forgery and issuer checks, so the page
            // tells "the hub answered with an error" apart from "the response was refused".
            client.AddEventHandler<OpenIddictClientEvents.ProcessAuthenticationContext>(builder =>
                builder.UseSingletonHandler<HubErrorMarker>()
                    .SetOrder(OpenIddictClientHandlers.HandleFrontchannelErrorResponse.Descriptor.Order - 1)
                    .SetType(OpenIddictClientHandlerType.Custom));
        });

        if (clients.Any(c => c.Backchannel is not null))
        {
            // OpenIddict names its HTTP clients "OpenIddict.Client.SystemNetHttp:{name}", where 7.x's name is the
            // base64url SHA-256 of the registration ID (earlier versions: the ID itself), and insists on an
            // HttpClientHandler as the primary handler; ours forwards to the handler the registration's options make.
            // Should the naming change, no back channel is found and the OIDC tests fail: never another's handler.
            var prefix = typeof(OpenIddict.Client.SystemNetHttp.OpenIddictClientSystemNetHttpOptions).Assembly.GetName().Name + ":";
            var backchannels = new Dictionary<string, Func<HttpMessageHandler>>(StringComparer.Ordinal);
            foreach (var oidc in clients.Where(c => c.Backchannel is not null))
            {
                backchannels[prefix + oidc.Key] = oidc.Backchannel!;
                backchannels[prefix + Base64UrlEncoder.Encode(SHA256.HashData(Encoding.UTF8.GetBytes(oidc.Key)))] = oidc.Backchannel!;
            }

            services.ConfigureAll<HttpClientFactoryOptions>(factory => factory.HttpMessageHandlerBuilderActions.Add(builder =>
            {
                if (builder.Name is { } name && backchannels.TryGetValue(name, out var backchannel))
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
            RegistrationId = oidc.Key,
            ProviderName = oidc.Key,
            ProviderDisplayName = "GOV.UK Verify",
            Issuer = oidc.Issuer,
            ClientId = oidc.ClientId,

            // Registered exactly at the hub (RFC 9700 4.1.3): the public origin plus the callback path.
            RedirectUri = new Uri(publicBaseUrl, TestRpPaths.OidcCallback),

            // Only when the hub registered it (RP-Initiated Logout 1.0 section 3: compared exactly).
            PostLogoutRedirectUri = oidc.SignOut ? new Uri(publicBaseUrl, TestRpPaths.OidcSignedOut) : null,
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
