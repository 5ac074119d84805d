using Verify.Audit.Chain;

namespace Verify.Audit.Tests.Support;

/// <summary>
/// What someone with the database owner's rights can do to the trail with plain SQL: change an event, delete rows,
/// and recompute every later hash so the chain is consistent again. Only the signed checkpoints outside the
/// database should give them away.
/// </summary>
internal static class Attacker
{
    /// <summary>Changes event <paramref name="sequence"/>'s JSON and nothing else.</summary>
    public static Task ChangeEventAsync(TestDatabase database, long sequence, Func<string, string> change) =>
        database.WithoutTriggersAsync(async connection =>
        {
            var row = (await database.ReadAllAsync()).Single(r => r.Sequence == sequence);
            var changed = change(row.EventJson);
            Assert.That(changed, Is.Not.EqualTo(row.EventJson), "the change must change something");
            await TestDatabase.ExecuteAsync(connection, "UPDATE audit_events SET event_json = @json WHERE sequence = @sequence", ("json", changed), ("sequence", sequence));
        });

    /// <summary>Changes event <paramref name="sequence"/>'s JSON, then recomputes its hash and every later one, so the chain verifies on its own.</summary>
    public static Task RewriteAndRecomputeAsync(TestDatabase database, long sequence, Func<string, string> change) =>
        database.WithoutTriggersAsync(async connection =>
        {
            var rows = await database.ReadAllAsync();
            var previous = sequence == 1 ? AuditChainHash.Genesis : rows.Single(r => r.Sequence == sequence - 1).Hash;
            foreach (var row in rows.Where(r => r.Sequence >= sequence))
            {
                var json = row.Sequence == sequence ? change(row.EventJson) : row.EventJson;
                var hash = AuditChainHash.Compute(previous, row.Sequence, json);
                await TestDatabase.ExecuteAsync(
                    connection,
                    "UPDATE audit_events SET event_json = @json, previous_hash = @previous, hash = @hash WHERE sequence = @sequence",
                    ("json", json),
                    ("previous", previous),
                    ("hash", hash),
                    ("sequence", row.Sequence));
                previous = hash;
            }
        });

    /// <summary>Deletes the events with the given sequence numbers.</summary>
    public static Task DeleteAsync(TestDatabase database, params long[] sequences) =>
        database.WithoutTriggersAsync(async connection =>
        {
            foreach (var sequence in sequences)
            {
                await TestDatabase.ExecuteAsync(connection, "DELETE FROM audit_events WHERE sequence = @sequence", ("sequence", sequence));
            }
        });
}
