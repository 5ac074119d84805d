using System.Text;

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

using Verify.Federation.Storage.Entities;

namespace Verify.Federation.Storage;

/// <summary>
/// The federation configuration store: relying parties, identity providers, their certificates and endpoints, the
/// revision counter and the published federation metadata. One model for both providers;
/// <see cref="SqliteFederationDbContext"/> and <see cref="PostgresFederationDbContext"/> only exist so each provider
/// has its own migrations. Create through <see cref="FederationDatabase"/>.
/// </summary>
public abstract class FederationDbContext : DbContext
{
    /// <summary>The longest entity ID stored (SAML Metadata 2.3.2: at most 1024 characters).</summary>
    internal const int EntityIdLength = 1024;

    /// <summary>The longest URL stored.</summary>
    internal const int UrlLength = 2048;

    /// <summary>For the provider-specific contexts.</summary>
    protected FederationDbContext(DbContextOptions options)
        : base(options)
    {
    }

    internal DbSet<RelyingPartyEntity> RelyingParties => Set<RelyingPartyEntity>();

    internal DbSet<IdentityProviderEntity> IdentityProviders => Set<IdentityProviderEntity>();

    internal DbSet<OidcIdentityProviderEntity> OidcIdentityProviders => Set<OidcIdentityProviderEntity>();

    internal DbSet<OidcRelyingPartyEntity> OidcRelyingParties => Set<OidcRelyingPartyEntity>();

    internal DbSet<FederationRevisionEntity> Revision => Set<FederationRevisionEntity>();

    internal DbSet<PublishedMetadataEntity> PublishedMetadata => Set<PublishedMetadataEntity>();

    /// <inheritdoc />
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);

        modelBuilder.Entity<RelyingPartyEntity>(rp =>
        {
            rp.ToTable("relying_parties");
            rp.HasIndex(r => r.EntityId).IsUnique();
            rp.Property(r => r.EntityId).HasMaxLength(EntityIdLength);
            rp.Property(r => r.DisplayNameEn).HasMaxLength(Registration.RegistrationLimits.DisplayNameLength);
            rp.Property(r => r.DisplayNameCy).HasMaxLength(Registration.RegistrationLimits.DisplayNameLength);
            rp.Property(r => r.Levels).HasMaxLength(64);
            rp.Property(r => r.ServiceHomepage).HasMaxLength(UrlLength);
            rp.Property(r => r.OtherWaysEn).HasMaxLength(Registration.RegistrationLimits.OtherWaysLength);
            rp.Property(r => r.OtherWaysCy).HasMaxLength(Registration.RegistrationLimits.OtherWaysLength);
            rp.Property(r => r.MatchingServiceEntityId).HasMaxLength(EntityIdLength);
            rp.Property(r => r.AccountCreationUrl).HasMaxLength(UrlLength);
            rp.Property(r => r.Cycle3Attribute).HasMaxLength(64);
            rp.Property(r => r.AccountCreationAttributes).HasMaxLength(512);
            rp.Property(r => r.ContentHash).HasMaxLength(64);
            rp.OwnsMany(r => r.AssertionConsumerServices, acs =>
            {
                acs.ToTable("relying_party_acs");
                acs.WithOwner().HasForeignKey("RelyingPartyId");
                acs.Property<long>("Id");
                acs.HasKey("Id");
                acs.Property(a => a.Url).HasMaxLength(UrlLength);
                acs.HasIndex("RelyingPartyId", nameof(AcsEntity.Index)).IsUnique();
            });
            rp.OwnsMany(r => r.Certificates, c => ConfigureCertificates(c, "relying_party_certificates", "RelyingPartyId"));
        });

        modelBuilder.Entity<IdentityProviderEntity>(idp =>
        {
            idp.ToTable("identity_providers");
            idp.HasIndex(i => i.EntityId).IsUnique();
            idp.Property(i => i.EntityId).HasMaxLength(EntityIdLength);
            idp.Property(i => i.DisplayNameEn).HasMaxLength(Registration.RegistrationLimits.DisplayNameLength);
            idp.Property(i => i.DisplayNameCy).HasMaxLength(Registration.RegistrationLimits.DisplayNameLength);
            idp.Property(i => i.Levels).HasMaxLength(64);
            idp.Property(i => i.SingleSignOnUrl).HasMaxLength(UrlLength);
            idp.Property(i => i.ContentHash).HasMaxLength(64);
            idp.OwnsMany(i => i.OnboardingOnlyFor, o =>
            {
                o.ToTable("identity_provider_onboarding");
                o.WithOwner().HasForeignKey("IdentityProviderId");
                o.Property<long>("Id");
                o.HasKey("Id");
                o.Property(x => x.RelyingPartyEntityId).HasMaxLength(EntityIdLength);
            });
            idp.OwnsMany(i => i.Certificates, c => ConfigureCertificates(c, "identity_provider_certificates", "IdentityProviderId"));
        });

        // ADR 0022: identity providers registered by OpenID Connect issuer.
        modelBuilder.Entity<OidcIdentityProviderEntity>(idp =>
        {
            idp.ToTable("oidc_identity_providers");
            idp.HasIndex(i => i.Issuer).IsUnique();
            idp.Property(i => i.Issuer).HasMaxLength(EntityIdLength);
            idp.Property(i => i.ClientId).HasMaxLength(Registration.OidcIdentityProviderRegistration.ClientIdLength);
            idp.Property(i => i.DisplayNameEn).HasMaxLength(Registration.RegistrationLimits.DisplayNameLength);
            idp.Property(i => i.DisplayNameCy).HasMaxLength(Registration.RegistrationLimits.DisplayNameLength);
            idp.Property(i => i.Levels).HasMaxLength(64);
            idp.Property(i => i.PinnedJwks).HasMaxLength(Registration.OidcChecks.MaxJwksLength);
            idp.Property(i => i.Scopes).HasMaxLength(Registration.OidcChecks.MaxScopes * (Registration.OidcChecks.MaxScopeLength + 1));
            idp.Property(i => i.ContentHash).HasMaxLength(64);
        });

        // ADR 0021: relying parties registered as OpenID Connect clients (no SAML metadata).
        modelBuilder.Entity<OidcRelyingPartyEntity>(rp =>
        {
            rp.ToTable("oidc_relying_parties");
            rp.HasIndex(r => r.ClientId).IsUnique();
            rp.Property(r => r.ClientId).HasMaxLength(Registration.OidcClientChecks.ClientIdLength);
            rp.Property(r => r.DisplayNameEn).HasMaxLength(Registration.RegistrationLimits.DisplayNameLength);
            rp.Property(r => r.DisplayNameCy).HasMaxLength(Registration.RegistrationLimits.DisplayNameLength);
            rp.Property(r => r.Levels).HasMaxLength(64);
            rp.Property(r => r.RedirectUris).HasMaxLength(Registration.OidcClientChecks.MaxRedirectUris * (UrlLength + 1));
            rp.Property(r => r.PostLogoutRedirectUris).HasMaxLength(Registration.OidcClientChecks.MaxRedirectUris * (UrlLength + 1));
            rp.Property(r => r.AccountCreationUrl).HasMaxLength(UrlLength);
            rp.Property(r => r.Cycle3Attribute).HasMaxLength(64);
            rp.Property(r => r.AccountCreationAttributes).HasMaxLength(512);
            rp.Property(r => r.Jwks).HasMaxLength(Registration.OidcChecks.MaxJwksLength);
            rp.Property(r => r.JwksUri).HasMaxLength(UrlLength);
            rp.Property(r => r.Scopes).HasMaxLength(256);
            rp.Property(r => r.Claims).HasMaxLength(256);
            rp.Property(r => r.Sector).HasMaxLength(EntityIdLength);
            rp.Property(r => r.ClientSecretHash).HasMaxLength(512);
            rp.Property(r => r.ServiceHomepage).HasMaxLength(UrlLength);
            rp.Property(r => r.OtherWaysEn).HasMaxLength(Registration.RegistrationLimits.OtherWaysLength);
            rp.Property(r => r.OtherWaysCy).HasMaxLength(Registration.RegistrationLimits.OtherWaysLength);
            rp.Property(r => r.ContentHash).HasMaxLength(64);

            // Rows registered before the field existed were signed RS256, the default (OIDC Dynamic Registration 2).
            rp.Property(r => r.IdTokenSignedResponseAlg).HasMaxLength(16).HasDefaultValue(Registration.OidcClientChecks.DefaultIdTokenAlg);
        });

        modelBuilder.Entity<FederationRevisionEntity>(revision =>
        {
            revision.ToTable("federation_revision");
            revision.Property(r => r.Id).ValueGeneratedNever();
            revision.HasData(new FederationRevisionEntity { Id = FederationRevisionEntity.SingletonId, Revision = 0 });
        });

        modelBuilder.Entity<PublishedMetadataEntity>(published =>
        {
            published.ToTable("published_metadata");
            published.Property(p => p.Sha256).HasMaxLength(64);
        });

        UseSnakeCaseColumns(modelBuilder);
    }

    private static void ConfigureCertificates<TOwner>(OwnedNavigationBuilder<TOwner, CertificateEntity> certificate, string table, string ownerKey)
        where TOwner : class
    {
        certificate.ToTable(table);
        certificate.WithOwner().HasForeignKey(ownerKey);
        certificate.Property<long>("Id");
        certificate.HasKey("Id");
        certificate.Property(c => c.Sha256).HasMaxLength(64);
        certificate.Property(c => c.Subject).HasMaxLength(1024);
        certificate.HasIndex(c => c.Sha256);
    }

    // One column naming for both providers: PostgreSQL folds unquoted names to lower case.
    private static void UseSnakeCaseColumns(ModelBuilder modelBuilder)
    {
        foreach (var property in modelBuilder.Model.GetEntityTypes().SelectMany(e => e.GetProperties()))
        {
            property.SetColumnName(ToSnakeCase(property.Name));
        }
    }

    private static string ToSnakeCase(string name)
    {
        var builder = new StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            if (char.IsUpper(name[i]) && i > 0)
            {
                builder.Append('_');
            }

            builder.Append(char.ToLowerInvariant(name[i]));
        }

        return builder.ToString();
    }
}
