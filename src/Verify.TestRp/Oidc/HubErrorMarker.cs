using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Http;

using OpenIddict.Client;

namespace Verify.TestRp.Oidc;

/// <summary>
/// Runs just before OpenIddict turns an authorization error response into a failed authentication, so only after the
/// state token, the request forgery protection cookie and the RFC 9207 <c>iss</c> were checked: an <c>error</c> that
/// reaches here answers this browser's own request, from the hub. An <c>error</c> that fails those checks is refused
/// like any other forged response and its text is never shown.
/// </summary>
internal sealed class HubErrorMarker : IOpenIddictClientHandler<OpenIddictClientEvents.ProcessAuthenticationContext>
{
    /// <summary>The <see cref="HttpContext.Items"/> key set when the error is the hub's answer.</summary>
    public static readonly object ItemKey = new();

    public ValueTask HandleAsync(OpenIddictClientEvents.ProcessAuthenticationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.EndpointType == OpenIddictClientEndpointType.Redirection && !string.IsNullOrEmpty((string?)context.Request?[OpenIddict.Abstractions.OpenIddictConstants.Parameters.Error])
            && context.Transaction.GetHttpRequest() is { } request)
        {
            request.HttpContext.Items[ItemKey] = true;
        }

        return default;
    }

    /// <summary>Whether this request carried an error response from the hub that answered our request.</summary>
    public static bool IsHubError(HttpContext context) => context.Items.ContainsKey(ItemKey);
}
