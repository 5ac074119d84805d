using OpenIddict.Server;

using Verify.Hub.Directory;

using static OpenIddict.Abstractions.OpenIddictConstants;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace Verify.Hub.Oidc.Provider.Keys;

/// <summary>
/// Signs each client's ID tokens with the algorithm it registered (<c>id_token_signed_response_alg</c>, OIDC Dynamic
/// Client Registration 2; ADR 0021 addendum): runs after OpenIddict chose its default credentials, for ID tokens
/// only (codes and access tokens are the hub's own, signed with the current RSA key and encrypted). A client whose
/// algorithm has no key gets no token: the hub never falls back to another algorithm than the one registered.
/// </summary>
internal sealed class IdTokenCredentials(IHubDirectorySource directory, HubSigningKeys keys) : IOpenIddictServerHandler<GenerateTokenContext>
{
    /// <summary>Where in OpenIddict's pipeline it runs.</summary>
    public static OpenIddictServerHandlerDescriptor Descriptor { get; } =
        OpenIddictServerHandlerDescriptor.CreateBuilder<GenerateTokenContext>()
            .UseScopedHandler<IdTokenCredentials>()
            .SetOrder(OpenIddictServerHandlers.Protection.AttachSecurityCredentials.Descriptor.Order + 1)
            .SetType(OpenIddictServerHandlerType.Custom)
            .Build();

    public async ValueTask HandleAsync(GenerateTokenContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.TokenType != TokenTypeIdentifiers.IdentityToken)
        {
            return;
        }

        var clientId = context.ClientId ?? context.Request?.ClientId;
        var snapshot = await directory.GetAsync(context.CancellationToken).ConfigureAwait(false);
        var alg = clientId is null ? null : snapshot.FindRelyingParty(clientId)?.Oidc?.IdTokenSignedResponseAlg;
        if (alg is null || keys.For(alg) is not { } credentials)
        {
            // AuthorizationRules refuses such a client before a journey starts; this is the last line.
            context.Reject(Errors.ServerError, "The client's ID token algorithm has no signing key.");
            return;
        }

        context.SigningCredentials = credentials;
    }
}
