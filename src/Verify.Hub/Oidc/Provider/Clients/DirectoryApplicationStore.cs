using System.Collections.Immutable;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;

using Microsoft.IdentityModel.Tokens;

using OpenIddict.Abstractions;

using Verify.Hub.Directory;

using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Verify.Hub.Oidc.Provider.Clients;

/// <summary>
/// OpenIddict's application store, read from the hub directory (ADR 0021): one source of truth for clients, and a
/// configuration change reaches every node as soon as its directory snapshot does, without a restart. Read-only:
/// clients are registered with <c>verify rp add --oidc</c> or <c>config/</c>, never through OpenIddict.
/// </summary>
internal sealed partial class DirectoryApplicationStore(IHubDirectorySource directory, ClientKeys keys) : IOpenIddictApplicationStore<OidcApplication>
{
    public async ValueTask<OidcApplication?> FindByClientIdAsync(string identifier, CancellationToken cancellationToken)
    {
        var snapshot = await directory.GetAsync(cancellationToken).ConfigureAwait(false);
        var rp = snapshot.FindRelyingParty(identifier);
        if (rp?.Oidc is not { } client)
        {
            return null;
        }

        // A client that publishes its keys at a jwks_uri: fetched through the guard and cache (ClientKeys).
        var fetched = client.JwksUri is { } uri ? await keys.GetAsync(uri, cancellationToken).ConfigureAwait(false) : null;
        return OidcApplicationMapper.Map(rp, fetched);
    }

    public ValueTask<OidcApplication?> FindByIdAsync(string identifier, CancellationToken cancellationToken) =>
        FindByClientIdAsync(identifier, cancellationToken);

    // The directory is keyed by client ID only; OpenIddict falls back to the client_id or id_token_hint it was given.
    // RP-Initiated Logout 1.0: OpenIddict asks here when the request names no client_id (only an id_token_hint, which it
    // checks against the clients found); exact matches only, as registered.
    public async IAsyncEnumerable<OidcApplication> FindByPostLogoutRedirectUriAsync(string uri, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var snapshot = await directory.GetAsync(cancellationToken).ConfigureAwait(false);
        foreach (var rp in snapshot.OidcClientsWithPostLogoutRedirectUri(uri))
        {
            var fetched = rp.Oidc?.JwksUri is { } jwksUri ? await keys.GetAsync(jwksUri, cancellationToken).ConfigureAwait(false) : null;
            if (OidcApplicationMapper.Map(rp, fetched) is { } application)
            {
                yield return application;
            }
        }
    }

    public IAsyncEnumerable<OidcApplication> FindByRedirectUriAsync(string uri, CancellationToken cancellationToken) => Empty(cancellationToken);

    public ValueTask<string?> GetApplicationTypeAsync(OidcApplication application, CancellationToken cancellationToken) =>
        new(ApplicationTypes.Web);

    public ValueTask<string?> GetClientIdAsync(OidcApplication application, CancellationToken cancellationToken) =>
        new(Required(application).ClientId);

    public ValueTask<string?> GetClientSecretAsync(OidcApplication application, CancellationToken cancellationToken) =>
        new(Required(application).ClientSecretHash);

    // Every RP is a confidential client: it authenticates with private_key_jwt (or a secret an operator enabled).
    public ValueTask<string?> GetClientTypeAsync(OidcApplication application, CancellationToken cancellationToken) =>
        new(ClientTypes.Confidential);

    // The hub asks no consent: the citizen chose to prove their identity to this service on its start page.
    public ValueTask<string?> GetConsentTypeAsync(OidcApplication application, CancellationToken cancellationToken) =>
        new(ConsentTypes.Implicit);

    public ValueTask<string?> GetDisplayNameAsync(OidcApplication application, CancellationToken cancellationToken) =>
        new(Required(application).DisplayName);

    public ValueTask<ImmutableDictionary<CultureInfo, string>> GetDisplayNamesAsync(OidcApplication application, CancellationToken cancellationToken) =>
        new(ImmutableDictionary<CultureInfo, string>.Empty);

    public ValueTask<string?> GetIdAsync(OidcApplication application, CancellationToken cancellationToken) =>
        new(Required(application).ClientId);

    public ValueTask<JsonWebKeySet?> GetJsonWebKeySetAsync(OidcApplication application, CancellationToken cancellationToken) =>
        new(Required(application).JsonWebKeySet);

    public ValueTask<ImmutableArray<string>> GetPermissionsAsync(OidcApplication application, CancellationToken cancellationToken) =>
        new(Required(application).Permissions);

    public ValueTask<ImmutableArray<string>> GetPostLogoutRedirectUrisAsync(OidcApplication application, CancellationToken cancellationToken) =>
        new(Required(application).PostLogoutRedirectUris);

    public ValueTask<ImmutableDictionary<string, JsonElement>> GetPropertiesAsync(OidcApplication application, CancellationToken cancellationToken) =>
        new(ImmutableDictionary<string, JsonElement>.Empty);

    public ValueTask<ImmutableArray<string>> GetRedirectUrisAsync(OidcApplication application, CancellationToken cancellationToken) =>
        new(Required(application).RedirectUris);

    public ValueTask<ImmutableArray<string>> GetRequirementsAsync(OidcApplication application, CancellationToken cancellationToken) =>
        new(Required(application).Requirements);

    public ValueTask<ImmutableDictionary<string, string>> GetSettingsAsync(OidcApplication application, CancellationToken cancellationToken) =>
        new(ImmutableDictionary<string, string>.Empty);

    private static OidcApplication Required(OidcApplication application) =>
        application ?? throw new ArgumentNullException(nameof(application));

    private static async IAsyncEnumerable<OidcApplication> Empty([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await Task.CompletedTask.ConfigureAwait(false);
        cancellationToken.ThrowIfCancellationRequested();
        yield break;
    }
}
