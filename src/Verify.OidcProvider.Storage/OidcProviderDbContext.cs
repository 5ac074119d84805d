using Microsoft.EntityFrameworkCore;

namespace Verify.OidcProvider.Storage;

/// <summary>
/// The hub's OpenID Provider state: OpenIddict's authorization and token rows (codes, access tokens, PAR request
/// tokens), kept only until they expire and are pruned (ADR 0021). OpenIddict's application and scope tables exist in
/// the model but stay empty: clients are read from the federation directory. One model for both providers;
/// <see cref="SqliteOidcProviderDbContext"/> and <see cref="PostgresOidcProviderDbContext"/> exist so each provider has
/// its own migrations.
/// </summary>
public abstract class OidcProviderDbContext : DbContext
{
    /// <summary>For the provider-specific contexts.</summary>
    protected OidcProviderDbContext(DbContextOptions options)
        : base(options)
    {
    }

    /// <inheritdoc />
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        base.OnModelCreating(modelBuilder);
        modelBuilder.UseOpenIddict();
    }
}
