using System.Security.Cryptography;

using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

using OpenIddict.Abstractions;

namespace Verify.TestRp.Oidc;

/// <summary>
/// Where OpenIddict keeps the client's state tokens: an in-memory SQLite database private to this app (a random
/// name), kept alive by one open connection from start to stop, its schema created at start, and expired entries
/// pruned every 15 minutes. A restart means citizens start again, as with the SAML side's key ring; several nodes
/// would need a shared database (OpenIddict's EF Core stores on PostgreSQL).
/// </summary>
internal sealed class OidcClientStore(string connectionString, IServiceScopeFactory scopes, TimeProvider time) : IHostedService, IDisposable
{
    private static readonly TimeSpan PruneEvery = TimeSpan.FromMinutes(15);
    private SqliteConnection? _keepAlive;
    private ITimer? _pruning;

    /// <summary>A connection string to a new, private, shared-cache in-memory database.</summary>
    public static string NewConnectionString() =>
        $"Data Source=testrp-oidc-{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16))};Mode=Memory;Cache=Shared";

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        _keepAlive = new SqliteConnection(connectionString);
        await _keepAlive.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (var scope = scopes.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<OidcClientDbContext>().Database.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        }

        _pruning = time.CreateTimer(_ => _ = PruneAsync(), null, PruneEvery, PruneEvery);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_pruning is not null)
        {
            await _pruning.DisposeAsync().ConfigureAwait(false);
        }
    }

    public void Dispose()
    {
        _pruning?.Dispose();
        _keepAlive?.Dispose();
    }

    private async Task PruneAsync()
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<IOpenIddictTokenManager>().PruneAsync(time.GetUtcNow() - PruneEvery).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is DbUpdateException or SqliteException or InvalidOperationException)
        {
            // Pruning is housekeeping: the next run tries again.
        }
    }
}
