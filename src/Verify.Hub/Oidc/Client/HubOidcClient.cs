using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Verify.Hub.Oidc.Client;

/// <summary>
/// The hub as an OpenID Connect client toward IDPs (ADR 0022). This slice publishes the hub's client JWKS at
/// <see cref="JwksPath"/>; the authorization request and callback are not built yet (ADR 0022 "What is left").
/// </summary>
public static class HubOidcClient
{
    /// <summary>Where IDPs fetch the hub's client assertion key.</summary>
    public const string JwksPath = "/oidc/client/jwks";

    /// <summary>Registers the client's services.</summary>
    public static IServiceCollection AddHubOidcClient(this IServiceCollection services)
    {
        services.AddSingleton<HubClientJwks>();
        return services;
    }

    /// <summary>Maps the client's endpoints.</summary>
    public static IEndpointRouteBuilder MapHubOidcClient(this IEndpointRouteBuilder app)
    {
        app.MapGet(JwksPath, (HubClientJwks jwks, HttpContext context) =>
        {
            // Public keys, cacheable for a while: IDPs refetch on an unknown kid (key rollover).
            context.Response.Headers.CacheControl = "public, max-age=3600";
            return Results.Json(jwks.Document, contentType: "application/jwk-set+json");
        });
        return app;
    }
}
