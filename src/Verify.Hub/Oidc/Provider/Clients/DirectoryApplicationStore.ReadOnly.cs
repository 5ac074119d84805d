using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;

using Microsoft.IdentityModel.Tokens;

namespace Verify.Hub.Oidc.Provider.Clients;

/// <summary>The writes and queries OpenIddict's store contract has and a directory-backed store refuses.</summary>
internal sealed partial class DirectoryApplicationStore
{
    private const string ReadOnly = "OIDC clients are registered in the federation store (verify rp add --oidc, config/), not through OpenIddict.";

    public ValueTask<long> CountAsync(CancellationToken cancellationToken) => throw new NotSupportedException(ReadOnly);

    public ValueTask<long> CountAsync<TResult>(Func<IQueryable<OidcApplication>, IQueryable<TResult>> query, CancellationToken cancellationToken) =>
        throw new NotSupportedException(ReadOnly);

    public ValueTask CreateAsync(OidcApplication application, CancellationToken cancellationToken) => throw new NotSupportedException(ReadOnly);

    public ValueTask DeleteAsync(OidcApplication application, CancellationToken cancellationToken) => throw new NotSupportedException(ReadOnly);

    public ValueTask UpdateAsync(OidcApplication application, CancellationToken cancellationToken) => throw new NotSupportedException(ReadOnly);

    public ValueTask<TResult?> GetAsync<TState, TResult>(
        Func<IQueryable<OidcApplication>, TState, IQueryable<TResult>> query, TState state, CancellationToken cancellationToken) =>
        throw new NotSupportedException(ReadOnly);

    public ValueTask<OidcApplication> InstantiateAsync(CancellationToken cancellationToken) => throw new NotSupportedException(ReadOnly);

    public IAsyncEnumerable<OidcApplication> ListAsync(int? count, int? offset, CancellationToken cancellationToken) =>
        throw new NotSupportedException(ReadOnly);

    public IAsyncEnumerable<TResult> ListAsync<TState, TResult>(
        Func<IQueryable<OidcApplication>, TState, IQueryable<TResult>> query, TState state, CancellationToken cancellationToken) =>
        throw new NotSupportedException(ReadOnly);

    public ValueTask SetApplicationTypeAsync(OidcApplication application, string? type, CancellationToken cancellationToken) => throw new NotSupportedException(ReadOnly);

    public ValueTask SetClientIdAsync(OidcApplication application, string? identifier, CancellationToken cancellationToken) => throw new NotSupportedException(ReadOnly);

    public ValueTask SetClientSecretAsync(OidcApplication application, string? secret, CancellationToken cancellationToken) => throw new NotSupportedException(ReadOnly);

    public ValueTask SetClientTypeAsync(OidcApplication application, string? type, CancellationToken cancellationToken) => throw new NotSupportedException(ReadOnly);

    public ValueTask SetConsentTypeAsync(OidcApplication application, string? type, CancellationToken cancellationToken) => throw new NotSupportedException(ReadOnly);

    public ValueTask SetDisplayNameAsync(OidcApplication application, string? name, CancellationToken cancellationToken) => throw new NotSupportedException(ReadOnly);

    public ValueTask SetDisplayNamesAsync(OidcApplication application, ImmutableDictionary<CultureInfo, string> names, CancellationToken cancellationToken) =>
        throw new NotSupportedException(ReadOnly);

    public ValueTask SetJsonWebKeySetAsync(OidcApplication application, JsonWebKeySet? set, CancellationToken cancellationToken) => throw new NotSupportedException(ReadOnly);

    public ValueTask SetPermissionsAsync(OidcApplication application, ImmutableArray<string> permissions, CancellationToken cancellationToken) =>
        throw new NotSupportedException(ReadOnly);

    public ValueTask SetPostLogoutRedirectUrisAsync(OidcApplication application, ImmutableArray<string> uris, CancellationToken cancellationToken) =>
        throw new NotSupportedException(ReadOnly);

    public ValueTask SetPropertiesAsync(OidcApplication application, ImmutableDictionary<string, JsonElement> properties, CancellationToken cancellationToken) =>
        throw new NotSupportedException(ReadOnly);

    public ValueTask SetRedirectUrisAsync(OidcApplication application, ImmutableArray<string> uris, CancellationToken cancellationToken) =>
        throw new NotSupportedException(ReadOnly);

    public ValueTask SetRequirementsAsync(OidcApplication application, ImmutableArray<string> requirements, CancellationToken cancellationToken) =>
        throw new NotSupportedException(ReadOnly);

    public ValueTask SetSettingsAsync(OidcApplication application, ImmutableDictionary<string, string> settings, CancellationToken cancellationToken) =>
        throw new NotSupportedException(ReadOnly);
}
