using Microsoft.EntityFrameworkCore.Design;

namespace Verify.Federation.Storage.Design;

/// <summary>Lets <c>dotnet ef migrations add --context SqliteFederationDbContext</c> build the context; it never connects.</summary>
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteFederationDbContext>
{
    /// <inheritdoc />
    public SqliteFederationDbContext CreateDbContext(string[] args) =>
        (SqliteFederationDbContext)FederationDatabase.Create(FederationProvider.Sqlite, "Data Source=design-time.db").CreateContext();
}
