using System.Text.Json;

using Verify.Audit.Chain;

namespace Verify.Audit.Verification;

/// <summary>
/// Checks stored rows one after another from a known point (event 1 and the genesis hash, or a checkpoint): sequence
/// without gaps, previous hash = the hash before, hash = <see cref="AuditChainHash.Compute"/>, columns = the JSON.
/// </summary>
internal sealed class ChainWalker(long nextSequence, string runningHash)
{
    /// <summary>The sequence of the last row accepted (the starting point's until one is).</summary>
    public long LastSequence { get; private set; } = nextSequence - 1;

    /// <summary>The hash of the last row accepted.</summary>
    public string RunningHash { get; private set; } = runningHash;

    /// <summary>Null when <paramref name="record"/> extends the chain (and it becomes the last accepted row), else what is wrong and why.</summary>
    public (AuditProblem Problem, string Why)? Step(AuditRecord record)
    {
        var expected = LastSequence + 1;
        if (record.Sequence != expected)
        {
            return (AuditProblem.Gap, $"missing: the next stored event is {record.Sequence} (a row was deleted)");
        }

        if (!string.Equals(record.PreviousHash, RunningHash, StringComparison.Ordinal))
        {
            return (AuditProblem.PreviousHashMismatch, $"its previous hash is not event {expected - 1}'s hash (rows were cut out or reordered)");
        }

        if (!string.Equals(AuditChainHash.Compute(record.PreviousHash, record.Sequence, record.EventJson), record.Hash, StringComparison.Ordinal))
        {
            return (AuditProblem.HashMismatch, "its hash does not match its content (the event or its hash was changed)");
        }

        if (ColumnMismatch(record) is { } column)
        {
            return (AuditProblem.RowMismatch, $"its {column} column does not match its JSON (the column was changed)");
        }

        LastSequence = record.Sequence;
        RunningHash = record.Hash;
        return null;
    }

    private static string? ColumnMismatch(AuditRecord record)
    {
        try
        {
            using var json = JsonDocument.Parse(record.EventJson);
            var root = json.RootElement;
            return root.GetProperty("event").GetString() != record.EventType ? "event_type"
                : root.GetProperty("eventId").GetGuid() != record.EventId ? "event_id"
                : AuditJson.FormatInstant(record.OccurredAt) != root.GetProperty("occurredAt").GetString() ? "occurred_at"
                : null;
        }
        catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            return "event_json";
        }
    }
}
