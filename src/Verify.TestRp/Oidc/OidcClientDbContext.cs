using Microsoft.EntityFrameworkCore;

namespace Verify.TestRp.Oidc;

/// <summary>
/// OpenIddict's token table for the test RP's client (ADR 0024): it holds the state tokens, so the <c>state</c> sent
/// to the hub is a short random reference (the hub takes at most 1024 characters; a self-contained state token is
/// several thousand) and each is redeemed once. Nothing personal is stored in it.
/// </summary>
internal sealed class OidcClientDbContext(DbContextOptions<OidcClientDbContext> options) : DbContext(options)
{
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        base.OnModelCreating(modelBuilder);
        modelBuilder.UseOpenIddict();
    }
}
