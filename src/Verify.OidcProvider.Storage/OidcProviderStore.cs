using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Verify.OidcProvider.Storage;

/// <summary>
/// Where the OpenID Provider keeps its rows: the provider and connection string, registered once in the host's
/// services (<see cref="AddTo"/>), and the migrations of that provider (<see cref="MigrateAsync"/>).
/// </summary>
/// <param name="Kind">SQLite or PostgreSQL.</param>
/// <param name="ConnectionString">The connection string.</param>
public sealed record OidcProviderStore(OidcProviderStoreKind Kind, string ConnectionString)
{
    /// <summary>Its own migrations history, so it can share a database with the hub's other stores.</summary>
    public const string MigrationsHistoryTable = "__oidc_provider_migrations";

    /// <summary>Registers <see cref="OidcProviderDbContext"/> (scoped, as OpenIddict's stores use it) on this store.</summary>
    public void AddTo(IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentException.ThrowIfNullOrWhiteSpace(ConnectionString);
        switch (Kind)
        {
            case OidcProviderStoreKind.Sqlite:
                services.AddDbContext<OidcProviderDbContext, SqliteOidcProviderDbContext>(o => Configure(o));
                break;
            case OidcProviderStoreKind.Postgres:
                services.AddDbContext<OidcProviderDbContext, PostgresOidcProviderDbContext>(o => Configure(o));
                break;
            default:
                throw new InvalidOperationException($"Unknown OpenID Provider store {Kind}.");
        }
    }

    /// <summary>A context outside dependency injection (migrations, tools); dispose it when done.</summary>
    public OidcProviderDbContext CreateContext() => Kind switch
    {
        OidcProviderStoreKind.Sqlite => new SqliteOidcProviderDbContext(
            (DbContextOptions<SqliteOidcProviderDbContext>)Configure(new DbContextOptionsBuilder<SqliteOidcProviderDbContext>()).Options),
        OidcProviderStoreKind.Postgres => new PostgresOidcProviderDbContext(
            (DbContextOptions<PostgresOidcProviderDbContext>)Configure(new DbContextOptionsBuilder<PostgresOidcProviderDbContext>()).Options),
        _ => throw new InvalidOperationException($"Unknown OpenID Provider store {Kind}."),
    };

    /// <summary>Applies this provider's migrations.</summary>
    public async Task MigrateAsync(CancellationToken cancellationToken = default)
    {
        await using var context = CreateContext();
        await context.Database.MigrateAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The migrations not yet applied (production refuses to start until they are).</summary>
    public async Task<IReadOnlyList<string>> PendingMigrationsAsync(CancellationToken cancellationToken = default)
    {
        await using var context = CreateContext();
        return [.. await context.Database.GetPendingMigrationsAsync(cancellationToken).ConfigureAwait(false)];
    }

    private DbContextOptionsBuilder Configure(DbContextOptionsBuilder builder) => Kind switch
    {
        OidcProviderStoreKind.Sqlite => builder.UseSqlite(ConnectionString, o => o.MigrationsHistoryTable(MigrationsHistoryTable)),
        _ => builder.UseNpgsql(ConnectionString, o => o.MigrationsHistoryTable(MigrationsHistoryTable)),
    };
}
