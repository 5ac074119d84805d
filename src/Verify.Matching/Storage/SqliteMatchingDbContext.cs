using Microsoft.EntityFrameworkCore;

namespace Verify.Matching.Storage;

/// <summary>The records store on SQLite (start-dev, tests); its migrations are in <c>Storage/Migrations/Sqlite</c>.</summary>
public sealed class SqliteMatchingDbContext(DbContextOptions<SqliteMatchingDbContext> options) : MatchingDbContext(options);
