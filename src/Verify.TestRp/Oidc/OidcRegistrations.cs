using Microsoft.AspNetCore.Http;

using OpenIddict.Client;
using OpenIddict.Client.AspNetCore;

namespace Verify.TestRp.Oidc;

/// <summary>
/// The test RP's OIDC registrations by key (= OpenIddict registration ID), each with the reader that checks its
/// answers against its own client ID and levels. At the callback the registration is the one OpenIddict resolved from
/// the state token it stored for this browser's request: never a value the response itself carries.
/// </summary>
internal sealed class OidcRegistrations
{
    private readonly Dictionary<string, (TestRpOidcOptions Options, OidcResultReader Reader)> _byKey;

    public OidcRegistrations(IReadOnlyList<TestRpOidcOptions> clients)
    {
        ArgumentNullException.ThrowIfNull(clients);
        _byKey = clients.ToDictionary(c => c.Key, c => (c, new OidcResultReader(c)), StringComparer.Ordinal);
    }

    /// <summary>The registration named <paramref name="key"/> (the start page's <c>service</c>), or null.</summary>
    public TestRpOidcOptions? Find(string? key) => key is not null && _byKey.TryGetValue(key, out var entry) ? entry.Options : null;

    /// <summary>
    /// The registration this callback answers, once OpenIddict has authenticated it (<c>AuthenticateAsync</c> first):
    /// the one its state token named; null when OpenIddict got no further than the state (a forged or stale response).
    /// </summary>
    public (TestRpOidcOptions Options, OidcResultReader Reader)? Answered(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var transaction = context.Features.Get<OpenIddictClientAspNetCoreFeature>()?.Transaction;
        var authentication = transaction?.GetProperty<OpenIddictClientEvents.ProcessAuthenticationContext>(
            typeof(OpenIddictClientEvents.ProcessAuthenticationContext).FullName!);
        return authentication?.Registration?.RegistrationId is { } id && _byKey.TryGetValue(id, out var entry) ? entry : null;
    }
}
