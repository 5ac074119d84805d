using Microsoft.EntityFrameworkCore;

namespace Verify.OidcProvider.Storage;

/// <summary>The OpenID Provider store on PostgreSQL (production); its migrations are in <c>Migrations/Postgres</c>.</summary>
public sealed class PostgresOidcProviderDbContext(DbContextOptions<PostgresOidcProviderDbContext> options) : OidcProviderDbContext(options);
