using Microsoft.EntityFrameworkCore;

namespace Verify.OidcProvider.Storage;

/// <summary>The OpenID Provider store on SQLite (start-dev, tests); its migrations are in <c>Migrations/Sqlite</c>.</summary>
public sealed class SqliteOidcProviderDbContext(DbContextOptions<SqliteOidcProviderDbContext> options) : OidcProviderDbContext(options);
