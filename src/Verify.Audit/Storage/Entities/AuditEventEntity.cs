namespace Verify.Audit.Storage.Entities;

/// <summary>
/// One row of <c>audit_events</c>: an event's canonical JSON chained to the row before by hash. Rows are only ever
/// inserted (the database refuses UPDATE and DELETE: triggers on both providers, grants on PostgreSQL).
/// </summary>
internal sealed class AuditEventEntity
{
    /// <summary>1..n without gaps; the primary key, so two writers can never both store the same position.</summary>
    public long Sequence { get; set; }

    public Guid EventId { get; set; }

    public required string EventType { get; set; }

    public DateTimeOffset OccurredAt { get; set; }

    /// <summary>The canonical JSON, stored as text (never <c>jsonb</c>, which would reorder it and break the hash).</summary>
    public required string EventJson { get; set; }

    public required string PreviousHash { get; set; }

    public required string Hash { get; set; }
}
