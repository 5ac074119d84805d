using Microsoft.EntityFrameworkCore.Design;

namespace Verify.Audit.Storage.Design;

/// <summary>Lets <c>dotnet ef migrations add --context PostgresAuditDbContext</c> build the context; it never connects.</summary>
internal sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresAuditDbContext>
{
    /// <inheritdoc />
    public PostgresAuditDbContext CreateDbContext(string[] args) =>
        (PostgresAuditDbContext)AuditDatabase.Create(AuditProvider.Postgres, "Host=localhost;Database=verify_audit").CreateContext();
}
