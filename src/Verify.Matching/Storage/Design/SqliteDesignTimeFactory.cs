using Microsoft.EntityFrameworkCore.Design;

namespace Verify.Matching.Storage.Design;

/// <summary>Lets <c>dotnet ef migrations add --context SqliteMatchingDbContext</c> build the context; it never connects.</summary>
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteMatchingDbContext>
{
    /// <inheritdoc />
    public SqliteMatchingDbContext CreateDbContext(string[] args) =>
        (SqliteMatchingDbContext)MatchingDatabase.Create(MatchingProvider.Sqlite, "Data Source=design-time.db").CreateContext();
}
