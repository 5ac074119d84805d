using Microsoft.EntityFrameworkCore;

namespace Verify.Federation.Storage;

/// <summary>The federation store on PostgreSQL (production); its migrations are in <c>Storage/Migrations/Postgres</c>.</summary>
public sealed class PostgresFederationDbContext(DbContextOptions<PostgresFederationDbContext> options) : FederationDbContext(options);
