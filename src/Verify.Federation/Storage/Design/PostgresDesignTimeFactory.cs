using Microsoft.EntityFrameworkCore.Design;

namespace Verify.Federation.Storage.Design;

/// <summary>Lets <c>dotnet ef migrations add --context PostgresFederationDbContext</c> build the context; it never connects.</summary>
internal sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresFederationDbContext>
{
    /// <inheritdoc />
    public PostgresFederationDbContext CreateDbContext(string[] args) =>
        (PostgresFederationDbContext)FederationDatabase.Create(FederationProvider.Postgres, "Host=localhost;Database=verify_federation").CreateContext();
}
