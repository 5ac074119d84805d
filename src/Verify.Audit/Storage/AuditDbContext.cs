using Microsoft.EntityFrameworkCore;

using Verify.Audit.Storage.Entities;

namespace Verify.Audit.Storage;

/// <summary>
/// The audit trail's one table, <c>audit_events</c>. One model for both providers;
/// <see cref="SqliteAuditDbContext"/> and <see cref="PostgresAuditDbContext"/> exist so each has its own migrations,
/// which also create the append-only triggers. Create through <see cref="AuditDatabase"/>.
/// </summary>
internal abstract class AuditDbContext : DbContext
{
    /// <summary>The table's name, used by the triggers and the grants.</summary>
    public const string TableName = "audit_events";

    /// <summary>For the provider-specific contexts.</summary>
    protected AuditDbContext(DbContextOptions options)
        : base(options)
    {
    }

    public DbSet<AuditEventEntity> Events => Set<AuditEventEntity>();

    /// <inheritdoc />
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        modelBuilder.Entity<AuditEventEntity>(row =>
        {
            row.ToTable(TableName);
            row.HasKey(e => e.Sequence);
            row.Property(e => e.Sequence).HasColumnName("sequence").ValueGeneratedNever();
            row.Property(e => e.EventId).HasColumnName("event_id");
            row.HasIndex(e => e.EventId).IsUnique();
            row.Property(e => e.EventType).HasColumnName("event_type").HasMaxLength(64);
            row.HasIndex(e => e.EventType);
            row.Property(e => e.OccurredAt).HasColumnName("occurred_at");
            row.Property(e => e.EventJson).HasColumnName("event_json");
            row.Property(e => e.PreviousHash).HasColumnName("previous_hash").HasMaxLength(64);
            row.Property(e => e.Hash).HasColumnName("hash").HasMaxLength(64);
        });
    }
}
