using Microsoft.EntityFrameworkCore;

namespace Verify.Audit.Storage;

/// <summary>The audit trail on SQLite (start-dev, tests); its migrations are in <c>Storage/Migrations/Sqlite</c>.</summary>
internal sealed class SqliteAuditDbContext(DbContextOptions<SqliteAuditDbContext> options) : AuditDbContext(options);
