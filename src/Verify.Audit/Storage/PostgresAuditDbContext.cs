using Microsoft.EntityFrameworkCore;

namespace Verify.Audit.Storage;

/// <summary>The audit trail on PostgreSQL (production); its migrations are in <c>Storage/Migrations/Postgres</c>.</summary>
internal sealed class PostgresAuditDbContext(DbContextOptions<PostgresAuditDbContext> options) : AuditDbContext(options);
