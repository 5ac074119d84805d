using OpenIddict.Server;

using static OpenIddict.Server.OpenIddictServerEvents;

namespace Verify.Hub.Oidc.Provider.Keys;

/// <summary>
/// Discovery's <c>id_token_signing_alg_values_supported</c> (OIDC Discovery 3): the algorithms a client may register
/// and the hub can sign (<see cref="HubSigningKeys.IdTokenAlgorithms"/>), not only OpenIddict's default credential's.
/// </summary>
internal sealed class IdTokenAlgorithmsDiscovery(HubSigningKeys keys) : IOpenIddictServerHandler<HandleConfigurationRequestContext>
{
    /// <summary>Where in OpenIddict's pipeline it runs: after OpenIddict attached its own list.</summary>
    public static OpenIddictServerHandlerDescriptor Descriptor { get; } =
        OpenIddictServerHandlerDescriptor.CreateBuilder<HandleConfigurationRequestContext>()
            .UseSingletonHandler<IdTokenAlgorithmsDiscovery>()
            .SetOrder(OpenIddictServerHandlers.Discovery.AttachSigningAlgorithms.Descriptor.Order + 1)
            .SetType(OpenIddictServerHandlerType.Custom)
            .Build();

    public ValueTask HandleAsync(HandleConfigurationRequestContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.IdTokenSigningAlgorithms.Clear();
        foreach (var alg in keys.IdTokenAlgorithms)
        {
            context.IdTokenSigningAlgorithms.Add(alg);
        }

        return ValueTask.CompletedTask;
    }
}
