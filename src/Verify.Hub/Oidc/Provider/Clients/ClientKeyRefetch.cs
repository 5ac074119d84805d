using Microsoft.IdentityModel.JsonWebTokens;

using OpenIddict.Server;

using Verify.Hub.Directory;

using static OpenIddict.Abstractions.OpenIddictConstants;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace Verify.Hub.Oidc.Provider.Clients;

/// <summary>
/// "One refetch on an unknown kid" (issue 7): before OpenIddict checks a client assertion against the client's keys,
/// when the client publishes them at a <c>jwks_uri</c> and the assertion names a <c>kid</c> the cached set lacks, the
/// set is fetched again (<see cref="ClientKeys.RefetchAsync"/>, at most once per interval per <c>jwks_uri</c>), so a
/// key the client rotated is accepted without waiting for the cache to expire. The assertion is only peeked at here:
/// OpenIddict validates it (signature, issuer, audience, expiry) right after, against the keys then cached.
/// </summary>
internal sealed class ClientKeyRefetch(IHubDirectorySource directory, ClientKeys keys) : IOpenIddictServerHandler<ProcessAuthenticationContext>
{
    /// <summary>Longest assertion peeked at (a client assertion is a few hundred bytes; OpenIddict refuses what it cannot read).</summary>
    public const int MaxAssertionLength = 16 * 1024;

    /// <summary>Longest <c>kid</c> looked up.</summary>
    public const int MaxKeyIdLength = 256;

    /// <summary>Where in OpenIddict's pipeline it runs: just before the assertion is validated.</summary>
    public static OpenIddictServerHandlerDescriptor Descriptor { get; } =
        OpenIddictServerHandlerDescriptor.CreateBuilder<ProcessAuthenticationContext>()
            .UseScopedHandler<ClientKeyRefetch>()
            .SetOrder(OpenIddictServerHandlers.ValidateClientAssertion.Descriptor.Order - 1)
            .SetType(OpenIddictServerHandlerType.Custom)
            .Build();

    public async ValueTask HandleAsync(ProcessAuthenticationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.ClientAssertion is not { Length: > 0 and <= MaxAssertionLength } assertion
            || context.ClientAssertionType != ClientAssertionTypes.JwtBearer
            || KeyIdAndIssuer(assertion) is not ({ Length: > 0 and <= MaxKeyIdLength } keyId, var issuer)
            || (context.ClientId ?? issuer) is not { Length: > 0 } clientId)
        {
            return;
        }

        var snapshot = await directory.GetAsync(context.CancellationToken).ConfigureAwait(false);
        if (snapshot.FindRelyingParty(clientId)?.Oidc?.JwksUri is not { } jwksUri)
        {
            return;
        }

        // Loads the set when nothing is cached; fetches again only when the cached set lacks this kid.
        var cached = await keys.GetAsync(jwksUri, context.CancellationToken).ConfigureAwait(false);
        if (cached is null || !cached.Keys.Any(k => k.KeyId == keyId))
        {
            await keys.RefetchAsync(jwksUri, keyId, context.CancellationToken).ConfigureAwait(false);
        }
    }

    // The header's kid and the (unverified) issuer, only to know whose keys to look at; null when it is not a JWT.
    private static (string? KeyId, string? Issuer)? KeyIdAndIssuer(string assertion)
    {
        try
        {
            var token = new JsonWebToken(assertion);
            return (token.Kid, token.Issuer);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }
}
