using OpenIddict.Abstractions;
using OpenIddict.Server;

using Verify.Saml.Validation;

using static OpenIddict.Abstractions.OpenIddictConstants;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace Verify.Hub.Oidc.Provider.Clients;

/// <summary>
/// Refuses a client assertion seen before (RFC 7523 3: "the authorization server MAY ensure that JWTs are not
/// replayed by maintaining the set of used jti values"; issue 7 requires it). The <c>jti</c> is recorded per client in
/// the hub's replay cache (Redis across nodes) until the assertion expires; runs once OpenIddict has checked the
/// assertion's signature, issuer and audience, before the code is redeemed.
/// </summary>
internal sealed class ClientAssertionReplay(IReplayCache replay) : IOpenIddictServerHandler<ProcessAuthenticationContext>
{
    /// <summary>Where in OpenIddict's pipeline it runs.</summary>
    public static OpenIddictServerHandlerDescriptor Descriptor { get; } =
        OpenIddictServerHandlerDescriptor.CreateBuilder<ProcessAuthenticationContext>()
            .UseScopedHandler<ClientAssertionReplay>()
            .SetOrder(OpenIddictServerHandlers.ValidateClientAssertionIssuer.Descriptor.Order + 1)
            .SetType(OpenIddictServerHandlerType.Custom)
            .Build();

    /// <summary>Longest <c>jti</c> recorded.</summary>
    public const int MaxJtiLength = 256;

    public async ValueTask HandleAsync(ProcessAuthenticationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.ClientAssertionPrincipal is not { } assertion)
        {
            return;
        }

        var jti = assertion.GetClaim(Claims.JwtId);
        var expires = assertion.GetExpirationDate();
        var client = assertion.GetClaim(Claims.Issuer) ?? context.ClientId;
        if (string.IsNullOrEmpty(jti) || jti.Length > MaxJtiLength || expires is null || string.IsNullOrEmpty(client))
        {
            context.Reject(Errors.InvalidClient, "The client assertion must carry a jti and an expiry.");
            return;
        }

        if (!await replay.TryAddAsync("oidc-client-assertion:" + client, jti, expires.Value, context.CancellationToken).ConfigureAwait(false))
        {
            context.Reject(Errors.InvalidClient, "The client assertion was already used.");
        }
    }
}
