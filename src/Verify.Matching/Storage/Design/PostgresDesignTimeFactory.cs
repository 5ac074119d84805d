using Microsoft.EntityFrameworkCore.Design;

namespace Verify.Matching.Storage.Design;

/// <summary>Lets <c>dotnet ef migrations add --context PostgresMatchingDbContext</c> build the context; it never connects.</summary>
internal sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresMatchingDbContext>
{
    /// <inheritdoc />
    public PostgresMatchingDbContext CreateDbContext(string[] args) =>
        (PostgresMatchingDbContext)MatchingDatabase.Create(MatchingProvider.Postgres, "Host=localhost;Database=verify_matching").CreateContext();
}
