namespace Verify.Audit;

/// <summary>
/// The identity and time of one audit event: a random event ID and the instant from the injected clock
/// (ARCHITECTURE.md: time is injected), truncated to whole microseconds so that the instant in the event's JSON and
/// in the <c>occurred_at</c> column are the same on SQLite and PostgreSQL (whose timestamps hold microseconds).
/// </summary>
public sealed record AuditStamp
{
    private AuditStamp(Guid eventId, DateTimeOffset occurredAt)
    {
        EventId = eventId;
        OccurredAt = occurredAt;
    }

    /// <summary>A random (version 4) identifier, unique to this event.</summary>
    public Guid EventId { get; }

    /// <summary>When the event happened, in UTC, to the microsecond.</summary>
    public DateTimeOffset OccurredAt { get; }

    /// <summary>A new stamp: a fresh random event ID and "now" from <paramref name="timeProvider"/>.</summary>
    public static AuditStamp Create(TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(timeProvider);
        var now = timeProvider.GetUtcNow().ToUniversalTime();
        return new AuditStamp(Guid.NewGuid(), new DateTimeOffset(now.UtcTicks - (now.UtcTicks % TimeSpan.TicksPerMicrosecond), TimeSpan.Zero));
    }
}
