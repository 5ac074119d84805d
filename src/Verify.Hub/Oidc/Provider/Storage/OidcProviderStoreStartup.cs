using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Hosting;

using Verify.OidcProvider.Storage;

namespace Verify.Hub.Oidc.Provider.Storage;

/// <summary>
/// Readies the OpenID Provider's store when the hub starts: SQLite (start-dev, tests) is migrated in place, and an
/// in-memory SQLite database is held open for the hub's lifetime; PostgreSQL must already have been migrated by
/// <c>verify db migrate</c> (a node does not change a shared schema), so pending migrations stop the start.
/// </summary>
internal sealed class OidcProviderStoreStartup(OidcProviderStore store) : IHostedService, IDisposable
{
    private SqliteConnection? _keepAlive;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (store.Kind == OidcProviderStoreKind.Sqlite)
        {
            if (store.ConnectionString.Contains("Mode=Memory", StringComparison.OrdinalIgnoreCase))
            {
                _keepAlive = new SqliteConnection(store.ConnectionString);
                await _keepAlive.OpenAsync(cancellationToken).ConfigureAwait(false);
            }

            await store.MigrateAsync(cancellationToken).ConfigureAwait(false);
            return;
        }

        if ((await store.PendingMigrationsAsync(cancellationToken).ConfigureAwait(false)).Count > 0)
        {
            throw new InvalidOperationException("The OpenID Provider store has pending migrations: run 'verify db migrate' first.");
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public void Dispose() => _keepAlive?.Dispose();
}
