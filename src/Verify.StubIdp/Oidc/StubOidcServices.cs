using Microsoft.Extensions.DependencyInjection;

namespace Verify.StubIdp.Oidc;

/// <summary>Registers the OIDC side's services (<see cref="StubIdpApp"/> calls it when <see cref="StubIdpOptions.Oidc"/> is set).</summary>
internal static class StubOidcServices
{
    /// <summary>Adds the OIDC side, its options validated first.</summary>
    public static IServiceCollection AddStubOidc(this IServiceCollection services, StubOidcOptions oidc)
    {
        ArgumentNullException.ThrowIfNull(oidc);
        oidc.Validate();
        services.AddSingleton(oidc);
        services.AddSingleton<StubOidcUrls>();
        services.AddSingleton<StubOidcKeys>();
        services.AddSingleton<OidcSealer>();
        services.AddSingleton<AuthorizationRequestValidator>();
        services.AddSingleton<ClientAssertionValidator>();
        services.AddSingleton<IdTokenFactory>();
        services.AddSingleton<TokenEndpoint>();
        return services;
    }
}
