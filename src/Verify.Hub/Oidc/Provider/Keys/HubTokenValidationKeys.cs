using OpenIddict.Server;

using static OpenIddict.Server.OpenIddictServerEvents;

namespace Verify.Hub.Oidc.Provider.Keys;

/// <summary>
/// Lets the hub read back its own tokens signed by its other keys (ADR 0021 addendum): a code or access token signed
/// by the key just promoted away from (in <see cref="HubSigningKeys.Next"/> during the overlap, on a node not yet
/// restarted), and an ES256 ID token given back as <c>id_token_hint</c>. Only where OpenIddict validates a token with
/// the hub's own key: never a client assertion, which only the client's keys may sign.
/// </summary>
internal sealed class HubTokenValidationKeys(HubSigningKeys keys) : IOpenIddictServerHandler<ValidateTokenContext>
{
    /// <summary>Where in OpenIddict's pipeline it runs: after OpenIddict chose the validation parameters.</summary>
    public static OpenIddictServerHandlerDescriptor Descriptor { get; } =
        OpenIddictServerHandlerDescriptor.CreateBuilder<ValidateTokenContext>()
            .UseSingletonHandler<HubTokenValidationKeys>()
            .SetOrder(OpenIddictServerHandlers.Protection.ResolveTokenValidationParameters.Descriptor.Order + 1)
            .SetType(OpenIddictServerHandlerType.Custom)
            .Build();

    public ValueTask HandleAsync(ValidateTokenContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var parameters = context.TokenValidationParameters;
        var signingKeys = parameters.IssuerSigningKeys?.ToList() ?? [];

        // The very key objects OpenIddict signs with, never a key ID: a client's JWKS may name any kid it likes.
        if (signingKeys.Any(k => context.Options.SigningCredentials.Any(c => ReferenceEquals(c.Key, k))))
        {
            parameters.IssuerSigningKeys = [.. signingKeys, .. keys.AdditionalValidationKeys.Where(k => signingKeys.All(s => s.KeyId != k.KeyId))];
        }

        return ValueTask.CompletedTask;
    }
}
