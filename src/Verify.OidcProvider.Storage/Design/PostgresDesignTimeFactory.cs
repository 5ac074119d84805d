using Microsoft.EntityFrameworkCore.Design;

namespace Verify.OidcProvider.Storage.Design;

/// <summary>Lets <c>dotnet ef migrations add --context PostgresOidcProviderDbContext</c> build the context; it never connects.</summary>
internal sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresOidcProviderDbContext>
{
    /// <inheritdoc />
    public PostgresOidcProviderDbContext CreateDbContext(string[] args) =>
        (PostgresOidcProviderDbContext)new OidcProviderStore(OidcProviderStoreKind.Postgres, "Host=localhost;Database=verify_oidc").CreateContext();
}
