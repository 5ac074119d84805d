using Verify.Audit.Chain;
using Verify.Audit.Storage;
using Verify.Audit.Tests.Support;
using Verify.Audit.Verification;

namespace Verify.Audit.Tests.Chain;

/// <summary>The chain on each provider: appends, then what an attacker with SQL can do and what catches it.</summary>
[TestFixtureSource(typeof(Providers), nameof(Providers.All))]
public sealed class AuditChainTests(AuditProvider provider) : AuditTestBase(provider)
{
    [Test]
    public async Task EveryEventType_IsAppended_AndTheChainVerifies()
    {
        foreach (var auditEvent in TestEvents.OneOfEach(Clock))
        {
            await Sink.AppendAsync(auditEvent);
        }

        await CheckpointAsync();
        var result = await VerifyAsync();

        Assert.Multiple(() =>
        {
            Assert.That(result.IsIntact, Is.True, result.Message);
            Assert.That(result.EventCount, Is.EqualTo(TestEvents.OneOfEach(Clock).Count));
            Assert.That(result.CheckpointCount, Is.EqualTo(1));
            Assert.That(result.Message, Is.EqualTo($"audit chain intact: {result.EventCount} events, 1 checkpoint"));
        });
    }

    [Test]
    public async Task Appends_AreNumberedWithoutGaps_AndEachIsLinkedToTheOneBefore()
    {
        await AppendAsync(5);

        var rows = await Database.ReadAllAsync();

        Assert.Multiple(() =>
        {
            Assert.That(rows.Select(r => r.Sequence), Is.EqualTo(new long[] { 1, 2, 3, 4, 5 }));
            Assert.That(rows[0].PreviousHash, Is.EqualTo(AuditChainHash.Genesis));
            for (var i = 1; i < rows.Count; i++)
            {
                Assert.That(rows[i].PreviousHash, Is.EqualTo(rows[i - 1].Hash));
            }

            Assert.That(rows.Select(r => AuditChainHash.Compute(r.PreviousHash, r.Sequence, r.EventJson)), Is.EqualTo(rows.Select(r => r.Hash)));
        });
    }

    [Test]
    public async Task StoredRows_HoldTheCanonicalJson_AndNoIdentifierInClear()
    {
        var events = TestEvents.OneOfEach(Clock);
        foreach (var auditEvent in events)
        {
            await Sink.AppendAsync(auditEvent);
        }

        var rows = await Database.ReadAllAsync();

        Assert.Multiple(() =>
        {
            Assert.That(rows.Select(r => r.EventJson), Is.EqualTo(events.Select(AuditJson.Canonical)));
            Assert.That(rows.Select(r => r.EventType), Is.EqualTo(events.Select(e => e.EventType)));
            Assert.That(rows.Select(r => r.OccurredAt), Is.EqualTo(events.Select(e => e.Stamp.OccurredAt)));
            foreach (var clear in new[] { TestEvents.JourneyId, TestEvents.PairwiseId, TestEvents.RequestId, TestEvents.FraudEventId })
            {
                Assert.That(rows.Select(r => r.EventJson), Has.None.Contains(clear));
            }
        });
    }

    [Test]
    public async Task ChangedEvent_IsNamedAsTheFirstBadEvent()
    {
        await AppendAsync(6);
        await Attacker.ChangeEventAsync(Database, 3, json => json.Replace("LEVEL_2", "LEVEL_1", StringComparison.Ordinal));

        var result = await VerifyAsync();

        Assert.Multiple(() =>
        {
            Assert.That(result.IsIntact, Is.False);
            Assert.That(result.Problem, Is.EqualTo(AuditProblem.HashMismatch));
            Assert.That(result.FirstBadSequence, Is.EqualTo(3));
            Assert.That(result.EventCount, Is.EqualTo(2));
            Assert.That(result.Message, Does.StartWith("first bad event 3: its hash does not match its content"));
        });
    }

    [Test]
    public async Task DeletedEvent_IsFoundAsAGap()
    {
        await AppendAsync(6);
        await Attacker.DeleteAsync(Database, 4);

        var result = await VerifyAsync();

        Assert.Multiple(() =>
        {
            Assert.That(result.Problem, Is.EqualTo(AuditProblem.Gap));
            Assert.That(result.FirstBadSequence, Is.EqualTo(4));
            Assert.That(result.Message, Does.Contain("first bad event 4: missing: the next stored event is 5"));
        });
    }

    [Test]
    public async Task ChangedColumn_IsFound_EvenThoughTheJsonIsUntouched()
    {
        await AppendAsync(3);
        await Database.WithoutTriggersAsync(connection => TestDatabase.ExecuteAsync(connection, "UPDATE audit_events SET event_type = 'IdpAuthnSucceeded' WHERE sequence = 2"));

        var result = await VerifyAsync();

        Assert.Multiple(() =>
        {
            Assert.That(result.Problem, Is.EqualTo(AuditProblem.RowMismatch));
            Assert.That(result.FirstBadSequence, Is.EqualTo(2));
            Assert.That(result.Message, Does.Contain("event_type"));
        });
    }

    [Test]
    public async Task RewrittenAndRecomputedChain_FoolsTheChainAlone_ButIsCaughtByTheCheckpoint()
    {
        await AppendAsync(5);
        await CheckpointAsync();
        await AppendAsync(3);
        await CheckpointAsync();
        await Attacker.RewriteAndRecomputeAsync(Database, 2, json => json.Replace("LEVEL_2", "LEVEL_4", StringComparison.Ordinal));

        var withoutCheckpoints = await AuditVerifier.VerifyAsync(Chain, WriteEmptyCheckpointFile(), PublicKey);
        var result = await VerifyAsync();

        Assert.Multiple(() =>
        {
            Assert.That(withoutCheckpoints.IsIntact, Is.True, "the attacker recomputed every hash: the chain alone cannot tell");
            Assert.That(result.IsIntact, Is.False);
            Assert.That(result.Problem, Is.EqualTo(AuditProblem.CheckpointMismatch));
            Assert.That(result.FirstBadSequence, Is.EqualTo(5));
            Assert.That(result.EarliestSuspectSequence, Is.EqualTo(1));
            Assert.That(result.CheckpointLine, Is.EqualTo(1));
            Assert.That(result.Message, Does.Contain("an event from 1 to 5 was rewritten"));
        });
    }

    [Test]
    public async Task RewriteAfterTheFirstCheckpoint_IsPlacedBetweenTheCheckpoints()
    {
        await AppendAsync(4);
        await CheckpointAsync();
        await AppendAsync(4);
        await CheckpointAsync();
        await Attacker.RewriteAndRecomputeAsync(Database, 6, json => json.Replace("LEVEL_2", "LEVEL_3", StringComparison.Ordinal));

        var result = await VerifyAsync();

        Assert.Multiple(() =>
        {
            Assert.That(result.Problem, Is.EqualTo(AuditProblem.CheckpointMismatch));
            Assert.That(result.EarliestSuspectSequence, Is.EqualTo(5));
            Assert.That(result.FirstBadSequence, Is.EqualTo(8));
            Assert.That(result.CheckpointLine, Is.EqualTo(2));
        });
    }

    [Test]
    public async Task DeletedNewestEvents_AreCaughtByTheCheckpoint()
    {
        await AppendAsync(5);
        await CheckpointAsync();
        await Attacker.DeleteAsync(Database, 5, 4);

        var result = await VerifyAsync();

        Assert.Multiple(() =>
        {
            Assert.That(result.Problem, Is.EqualTo(AuditProblem.ChainTruncated));
            Assert.That(result.FirstBadSequence, Is.EqualTo(4));
            Assert.That(result.Message, Does.Contain("the chain ends at event 3").And.Contain("vouches for event 5"));
        });
    }

    [Test]
    public async Task TwentyConcurrentAppenders_BuildOneChainWithoutGaps()
    {
        const int writers = 20;
        const int each = 5;
        var events = Enumerable.Range(0, writers).Select(w => Enumerable.Range(0, each).Select(i => TestEvents.Selected(Clock, (w * each) + i)).ToList()).ToList();
        using var start = new ManualResetEventSlim();

        // Each writer is a hub node of its own: its own database object, context pool and connections.
        var tasks = events.Select(batch => Task.Run(async () =>
        {
            var sink = new DatabaseAuditSink(Database.OpenAnother());
            start.Wait();
            foreach (var auditEvent in batch)
            {
                await sink.AppendAsync(auditEvent);
            }
        })).ToList();
        start.Set();
        await Task.WhenAll(tasks);

        var rows = await Database.ReadAllAsync();
        var result = await VerifyAsync();

        Assert.Multiple(() =>
        {
            Assert.That(rows.Select(r => r.Sequence), Is.EqualTo(Enumerable.Range(1, writers * each).Select(i => (long)i)));
            Assert.That(rows.Select(r => r.EventId), Is.EquivalentTo(events.SelectMany(b => b).Select(e => e.Stamp.EventId)));
            Assert.That(result.IsIntact, Is.True, result.Message);
            Assert.That(result.EventCount, Is.EqualTo(writers * each));
        });
    }

    [Test]
    public async Task AppendToADatabaseThatCannotTakeIt_Throws_SoTheJourneyStops()
    {
        await using var unmigrated = await TestDatabase.CreateAsync(Provider, migrate: false);
        var sink = new DatabaseAuditSink(unmigrated.Database);

        var thrown = Assert.ThrowsAsync<AuditWriteException>(() => sink.AppendAsync(TestEvents.Selected(Clock)));

        Assert.That(thrown!.Message, Does.StartWith("The IdpSelected audit event was not written"));
    }

    [Test]
    public async Task TheSameEventTwice_IsRefused_AndTheChainStaysWhole()
    {
        var auditEvent = TestEvents.Selected(Clock);
        await Sink.AppendAsync(auditEvent);

        Assert.ThrowsAsync<AuditWriteException>(() => Sink.AppendAsync(auditEvent));
        await AppendAsync(1);

        Assert.That((await VerifyAsync()).EventCount, Is.EqualTo(2));
    }

    private string WriteEmptyCheckpointFile()
    {
        var path = CheckpointFile + ".empty";
        File.WriteAllText(path, "");
        return path;
    }
}
