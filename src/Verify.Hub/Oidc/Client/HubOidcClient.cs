using System.Security.Cryptography;
using System.Text;

using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.Tokens;

using OpenIddict.Client;

namespace Verify.Hub.Oidc.Client;

/// <summary>
/// The hub as an OpenID Connect client toward IDPs (ADR 0022), on OpenIddict's client: code flow, PKCE S256, nonce,
/// <c>private_key_jwt</c> with the hub's signing key (published at <see cref="JwksPath"/>). Registrations come from
/// the hub directory (<see cref="HubOidcClientService"/>). Its state tokens are not stored: they are encrypted and
/// signed with keys derived from the hub secret, so any node reads them, and each answer is single-use because the
/// journey takes it once (compare-and-swap step), not because a token row is redeemed.
/// </summary>
public static class HubOidcClient
{
    /// <summary>Where IDPs fetch the hub's client assertion key.</summary>
    public const string JwksPath = "/oidc/client/jwks";

    /// <summary>The longest response read from an IDP (discovery, JWKS, token response).</summary>
    private const long MaxResponseBytes = 256 * 1024;

    /// <summary>Registers the client's services.</summary>
    public static IServiceCollection AddHubOidcClient(this IServiceCollection services, HubOptions options)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(options);
        services.AddSingleton<HubClientJwks>();
        services.AddSingleton(provider => new IdpClientRegistrations(options, provider.GetRequiredService<HubEndpoints>().OidcClientCallback));
        services.AddSingleton<OidcCallback>();

        // STYLE.md, no personal data in logs: OpenIddict's client logs whole token and userinfo responses (identity
        // claims, ID tokens) at Information, and its server the responses it returns to RPs (ID tokens with
        // verified_claims). Only warnings and errors of either are kept.
        services.AddLogging(logging => logging.AddFilter("OpenIddict", LogLevel.Warning));
        services.AddOpenIddict().AddClient(client =>
        {
            client.AllowAuthorizationCodeFlow();
            client.SetRedirectionEndpointUris(HubPaths.OidcClientCallback);
            client.DisableTokenStorage();
            client.AddEncryptionKey(new SymmetricSecurityKey(Derive(options.PairwiseSecret, "verify/oidc-client-state-encryption/v1")));
            client.AddSigningKey(new SymmetricSecurityKey(Derive(options.PairwiseSecret, "verify/oidc-client-state-signing/v1")));

            // A citizen may take as long at the IDP as the journey allows.
            client.SetStateTokenLifetime(options.Journey.SessionLifetime);
            client.Configure(o => o.TimeProvider = options.TimeProvider);
            client.UseAspNetCore(aspNet =>
            {
                aspNet.EnableRedirectionEndpointPassthrough();

                // Refused answers come to the callback page too: it audits them once and shows the citizen what to do.
                aspNet.EnableErrorPassthrough();
                aspNet.Configure(o =>
                {
                    // The answer is a top-level GET redirect: Lax is enough, and works on start-dev's plain http too.
                    o.CookieBuilder.SameSite = SameSiteMode.Lax;
                    o.CookieBuilder.SecurePolicy = options.AllowLoopbackHttp ? Microsoft.AspNetCore.Http.CookieSecurePolicy.SameAsRequest : Microsoft.AspNetCore.Http.CookieSecurePolicy.Always;
                });
                if (options.AllowLoopbackHttp)
                {
                    aspNet.DisableTransportSecurityRequirement();
                }
            });
            client.UseSystemNetHttp(http =>
            {
                http.SetProductInformation(typeof(HubOidcClient).Assembly);
                http.ConfigureHttpClient((_, httpClient) =>
                {
                    httpClient.MaxResponseContentBufferSize = MaxResponseBytes;
                    httpClient.Timeout = TimeSpan.FromSeconds(15);
                });
                http.ConfigureHttpClientHandler((_, handler) =>
                {
                    handler.AllowAutoRedirect = false;
                    if (options.OutboundTlsRoots.Count > 0)
                    {
                        handler.ServerCertificateCustomValidationCallback = (_, certificate, _, errors) =>
                            OutboundTls.IsTrusted(certificate, errors, options.OutboundTlsRoots);
                    }
                });
            });
        });

        // After OpenIddict's own TryAdd: every registration lookup goes through the hub directory.
        services.Replace(ServiceDescriptor.Singleton<OpenIddictClientService, HubOidcClientService>());
        return services;
    }

    /// <summary>Maps the client's endpoints (the callback is a Razor page).</summary>
    public static IEndpointRouteBuilder MapHubOidcClient(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapGet(JwksPath, (HubClientJwks jwks, HttpContext context) =>
        {
            // Public keys, cacheable for a while: IDPs refetch on an unknown kid (key rollover).
            context.Response.Headers.CacheControl = "public, max-age=3600";
            return Results.Json(jwks.Document, contentType: "application/jwk-set+json");
        });
        return app;
    }

    // RFC 5869 with a label of its own: the state keys are worth nothing for any other use of the hub secret.
    private static byte[] Derive(byte[] secret, string label) =>
        HKDF.DeriveKey(HashAlgorithmName.SHA256, secret, 32, info: Encoding.UTF8.GetBytes(label));
}
