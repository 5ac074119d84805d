using System.Text.Json.Nodes;

using Microsoft.IdentityModel.Tokens;

using OpenIddict.Server;

using static OpenIddict.Server.OpenIddictServerEvents;

namespace Verify.Hub.Oidc.Provider.Keys;

/// <summary>
/// The JWKS beyond OpenIddict's current key (ADR 0021 addendum): the next RSA key, so relying parties hold it before
/// it signs (key rotation with both published during the overlap), and the EC P-256 key of ES256 ID tokens. RSA keys
/// are published without <c>alg</c> (RFC 7517 4.4: optional): one RSA key signs RS256 and PS256 ID tokens, and a
/// client library that matches <c>alg</c> would otherwise refuse a PS256 token.
/// </summary>
internal sealed class PublishedSigningKeys(HubSigningKeys keys) : IOpenIddictServerHandler<HandleJsonWebKeySetRequestContext>
{
    /// <summary>Where in OpenIddict's pipeline it runs: after OpenIddict attached its own keys.</summary>
    public static OpenIddictServerHandlerDescriptor Descriptor { get; } =
        OpenIddictServerHandlerDescriptor.CreateBuilder<HandleJsonWebKeySetRequestContext>()
            .UseSingletonHandler<PublishedSigningKeys>()
            .SetOrder(OpenIddictServerHandlers.Discovery.AttachSigningKeys.Descriptor.Order + 1)
            .SetType(OpenIddictServerHandlerType.Custom)
            .Build();

    public ValueTask HandleAsync(HandleJsonWebKeySetRequestContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        foreach (var key in context.Keys)
        {
            if (key.Kty == JsonWebAlgorithmsKeyTypes.RSA)
            {
                key.Alg = null;
            }
        }

        if (keys.Next is { } next && context.Keys.All(k => k.Kid != next.KeyId))
        {
            var jwk = JsonWebKeyConverter.ConvertFromX509SecurityKey(next, representAsRsaKey: true);
            jwk.Use = JsonWebKeyUseNames.Sig;
            context.Keys.Add(jwk);
        }

        if (keys.Ec is { } ec)
        {
            var jwk = JsonWebKeyConverter.ConvertFromECDsaSecurityKey(ec);
            (jwk.Use, jwk.Alg) = (JsonWebKeyUseNames.Sig, IdTokenSigning.Es256);
            context.Keys.Add(jwk);
        }

        return ValueTask.CompletedTask;
    }
}
