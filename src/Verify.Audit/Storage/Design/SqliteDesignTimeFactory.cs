using Microsoft.EntityFrameworkCore.Design;

namespace Verify.Audit.Storage.Design;

/// <summary>Lets <c>dotnet ef migrations add --context SqliteAuditDbContext</c> build the context; it never connects.</summary>
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteAuditDbContext>
{
    /// <inheritdoc />
    public SqliteAuditDbContext CreateDbContext(string[] args) =>
        (SqliteAuditDbContext)AuditDatabase.Create(AuditProvider.Sqlite, "Data Source=design-time.db").CreateContext();
}
