namespace Verify.Audit.Chain;

/// <summary>
/// One stored row of the chain, exactly as read (nothing checked). <see cref="EventJson"/> is what the hash covers;
/// <see cref="EventType"/>, <see cref="EventId"/> and <see cref="OccurredAt"/> are copies of it in columns, for queries,
/// and the verifier checks they agree with it.
/// </summary>
/// <param name="Sequence">The position in the chain, 1..n without gaps.</param>
/// <param name="EventType">The event's name.</param>
/// <param name="EventId">The event's random ID.</param>
/// <param name="OccurredAt">When it happened.</param>
/// <param name="EventJson">The event's canonical JSON.</param>
/// <param name="PreviousHash">The hash of event <c>Sequence − 1</c> (<see cref="AuditChainHash.Genesis"/> for event 1).</param>
/// <param name="Hash"><see cref="AuditChainHash.Compute"/> of the above.</param>
public sealed record AuditRecord(long Sequence, string EventType, Guid EventId, DateTimeOffset OccurredAt, string EventJson, string PreviousHash, string Hash);
