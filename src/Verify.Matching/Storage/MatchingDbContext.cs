using System.Text;

using Microsoft.EntityFrameworkCore;

using Verify.Matching.Storage.Entities;

namespace Verify.Matching.Storage;

/// <summary>
/// The departmental records store: records, their surname forms, addresses, identifiers, and the hashed
/// PIDs linked to them. One model for both providers; <see cref="SqliteMatchingDbContext"/> and
/// <see cref="PostgresMatchingDbContext"/> only exist so each provider has its own migrations.
/// Create through <see cref="MatchingDatabase"/>.
/// </summary>
public abstract class MatchingDbContext : DbContext
{
    /// <summary>For the provider-specific contexts.</summary>
    protected MatchingDbContext(DbContextOptions options)
        : base(options)
    {
    }

    internal DbSet<RecordEntity> Records => Set<RecordEntity>();

    internal DbSet<RecordNameEntity> Names => Set<RecordNameEntity>();

    internal DbSet<RecordAddressEntity> Addresses => Set<RecordAddressEntity>();

    internal DbSet<RecordIdentifierEntity> Identifiers => Set<RecordIdentifierEntity>();

    internal DbSet<PidLinkEntity> PidLinks => Set<PidLinkEntity>();

    /// <inheritdoc />
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);

        modelBuilder.Entity<RecordEntity>(record =>
        {
            record.ToTable("records");
            record.HasKey(r => r.Id);
            record.HasIndex(r => r.RecordId).IsUnique();
            record.Property(r => r.RecordId).HasMaxLength(64);
            record.Property(r => r.FirstName).HasMaxLength(128);
            record.Property(r => r.MiddleNames).HasMaxLength(128);
            record.Property(r => r.Surname).HasMaxLength(128);
            record.Property(r => r.Gender).HasMaxLength(16);
            record.Property(r => r.FirstNameKey).HasMaxLength(128);
            record.HasMany(r => r.Names).WithOne().HasForeignKey(n => n.RecordKey).OnDelete(DeleteBehavior.Cascade);
            record.HasMany(r => r.Addresses).WithOne().HasForeignKey(a => a.RecordKey).OnDelete(DeleteBehavior.Cascade);
            record.HasMany(r => r.Identifiers).WithOne().HasForeignKey(i => i.RecordKey).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<RecordNameEntity>(name =>
        {
            name.ToTable("record_names");
            name.Property(n => n.Surname).HasMaxLength(128);
            name.Property(n => n.SurnameKey).HasMaxLength(128);
            name.Property(n => n.BlockKey).HasMaxLength(BlockingKeys.MaxLength);
            name.HasIndex(n => n.BlockKey);
        });

        modelBuilder.Entity<RecordAddressEntity>(address =>
        {
            address.ToTable("record_addresses");
            address.Property(a => a.Lines).HasMaxLength(1200);
            address.Property(a => a.Postcode).HasMaxLength(16);
            address.Property(a => a.PostcodeKey).HasMaxLength(16);
            address.Property(a => a.PremisesKey).HasMaxLength(200);
            address.Property(a => a.BlockKey).HasMaxLength(BlockingKeys.MaxLength);
            address.HasIndex(a => a.BlockKey);
        });

        modelBuilder.Entity<RecordIdentifierEntity>(identifier =>
        {
            identifier.ToTable("record_identifiers");
            identifier.Property(i => i.Type).HasMaxLength(64);
            identifier.Property(i => i.Value).HasMaxLength(64);
            identifier.Property(i => i.LookupKey).HasMaxLength(BlockingKeys.MaxLength);
            identifier.HasIndex(i => i.LookupKey);
        });

        modelBuilder.Entity<PidLinkEntity>(link =>
        {
            link.ToTable("pid_links");
            link.HasKey(l => l.HashedPid);
            link.Property(l => l.HashedPid).HasMaxLength(256);
            link.Property(l => l.LevelOfAssurance).HasMaxLength(16);
            link.HasOne<RecordEntity>().WithMany().HasForeignKey(l => l.RecordKey).OnDelete(DeleteBehavior.Cascade);
            link.HasIndex(l => l.RecordKey);
        });

        UseSnakeCaseColumns(modelBuilder);
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
