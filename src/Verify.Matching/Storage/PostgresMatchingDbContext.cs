using Microsoft.EntityFrameworkCore;

namespace Verify.Matching.Storage;

/// <summary>The records store on PostgreSQL (production); its migrations are in <c>Storage/Migrations/Postgres</c>.</summary>
public sealed class PostgresMatchingDbContext(DbContextOptions<PostgresMatchingDbContext> options) : MatchingDbContext(options);
