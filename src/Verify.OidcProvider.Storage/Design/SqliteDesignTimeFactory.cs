using Microsoft.EntityFrameworkCore.Design;

namespace Verify.OidcProvider.Storage.Design;

/// <summary>Lets <c>dotnet ef migrations add --context SqliteOidcProviderDbContext</c> build the context; it never connects.</summary>
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteOidcProviderDbContext>
{
    /// <inheritdoc />
    public SqliteOidcProviderDbContext CreateDbContext(string[] args) =>
        (SqliteOidcProviderDbContext)new OidcProviderStore(OidcProviderStoreKind.Sqlite, "Data Source=design-time.db").CreateContext();
}
