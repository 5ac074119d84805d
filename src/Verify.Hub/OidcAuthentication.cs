using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

using OpenIddict.Client;
using OpenIddict.Client.AspNetCore;
using OpenIddict.Server;

namespace Verify.Hub;

/// <summary>
/// ASP.NET Core's authentication middleware, which runs OpenIddict's server and client request handlers, only on the
/// paths where OpenIddict has work to do (ADR 0021 addendum): the provider's endpoints and the client's callback, as
/// OpenIddict's own options list them. Elsewhere (the SAML endpoints, every journey page) both handlers only find
/// that the path is none of theirs, at a cost of two transactions, two dispatches and their handlers per request. The
/// hub has no authentication scheme of its own (no default scheme, no cookie sign-in), so no other page depends on the
/// middleware; the one challenge made elsewhere prepares its own transaction (<see cref="PrepareClientChallengeAsync"/>).
/// </summary>
internal static class OidcAuthentication
{
    // WebApplication adds UseAuthentication for every request at the start of the pipeline unless this key is set
    // (WebApplicationBuilder: "Don't add more than one instance of the middleware").
    private const string MiddlewareSetKey = "__AuthenticationMiddlewareSet";

    /// <summary>Adds the authentication middleware for OpenIddict's endpoint paths only.</summary>
    public static void UseOidcAuthentication(this WebApplication app)
    {
        var builder = (IApplicationBuilder)app;
        builder.Properties[MiddlewareSetKey] = true;

        // The paths come from OpenIddict's own options (every endpoint it would recognise), read once on first use.
        var paths = new Lazy<PathString[]>(() => EndpointPaths(
            app.Services.GetRequiredService<IOptions<OpenIddictServerOptions>>().Value,
            app.Services.GetRequiredService<IOptions<OpenIddictClientOptions>>().Value));
        app.UseWhen(context => IsOidcPath(context.Request.Path, paths.Value), branch => branch.UseAuthentication());
    }

    /// <summary>Every path the server or the client answers as an endpoint.</summary>
    internal static PathString[] EndpointPaths(OpenIddictServerOptions server, OpenIddictClientOptions client)
    {
        IEnumerable<Uri> uris =
        [
            .. server.AuthorizationEndpointUris, .. server.ConfigurationEndpointUris, .. server.DeviceAuthorizationEndpointUris,
            .. server.EndSessionEndpointUris, .. server.EndUserVerificationEndpointUris, .. server.IntrospectionEndpointUris,
            .. server.JsonWebKeySetEndpointUris, .. server.PushedAuthorizationEndpointUris, .. server.RevocationEndpointUris,
            .. server.TokenEndpointUris, .. server.UserInfoEndpointUris,
            .. client.RedirectionEndpointUris, .. client.PostLogoutRedirectionEndpointUris,
        ];
        return [.. uris.Select(uri => new PathString("/" + (uri.IsAbsoluteUri ? uri.AbsolutePath : uri.OriginalString).TrimStart('/'))).Distinct()];
    }

    /// <summary>
    /// True for one of <paramref name="paths"/>, compared at least as loosely as OpenIddict compares them: whole
    /// segments, case-insensitively, a trailing slash allowed (a false positive only costs the handlers' run).
    /// </summary>
    internal static bool IsOidcPath(PathString path, PathString[] paths)
    {
        foreach (var oidcPath in paths)
        {
            if (path.StartsWithSegments(oidcPath, StringComparison.OrdinalIgnoreCase, out var rest) && (!rest.HasValue || rest == "/"))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Prepares OpenIddict's client for a challenge on a page outside <see cref="IsOidcPath"/> (choosing an OpenID
    /// Connect IDP): what the middleware would have done for the client's scheme, on this request only.
    /// </summary>
    public static async Task PrepareClientChallengeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Features.Get<OpenIddictClientAspNetCoreFeature>() is not null)
        {
            return;
        }

        var handlers = context.RequestServices.GetRequiredService<IAuthenticationHandlerProvider>();
        if (await handlers.GetHandlerAsync(context, OpenIddictClientAspNetCoreDefaults.AuthenticationScheme).ConfigureAwait(false) is IAuthenticationRequestHandler handler
            && await handler.HandleRequestAsync().ConfigureAwait(false))
        {
            // Only the callback is the client's endpoint, and it is an OIDC path: nothing else is handled here.
            throw new InvalidOperationException("OpenIddict's client handled a request outside its endpoints.");
        }
    }
}
