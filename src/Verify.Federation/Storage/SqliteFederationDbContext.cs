using Microsoft.EntityFrameworkCore;

namespace Verify.Federation.Storage;

/// <summary>The federation store on SQLite (start-dev, tests); its migrations are in <c>Storage/Migrations/Sqlite</c>.</summary>
public sealed class SqliteFederationDbContext(DbContextOptions<SqliteFederationDbContext> options) : FederationDbContext(options);
