using System.Runtime.CompilerServices;

using Verify.Audit.Chain;

namespace Verify.Audit.Tests.Support;

/// <summary>A chain held in a list, built the way the sink builds it: for checkpoint tests that need no database.</summary>
internal sealed class MemoryChain : IAuditChain
{
    public List<AuditRecord> Records { get; } = [];

    public void Append(AuditEvent auditEvent)
    {
        var previous = Records.Count == 0 ? AuditChainHash.Genesis : Records[^1].Hash;
        var sequence = Records.Count + 1;
        var json = AuditJson.Canonical(auditEvent);
        Records.Add(new AuditRecord(sequence, auditEvent.EventType, auditEvent.Stamp.EventId, auditEvent.Stamp.OccurredAt, json, previous, AuditChainHash.Compute(previous, sequence, json)));
    }

    public Task<AuditChainHead> GetHeadAsync(CancellationToken cancellationToken = default) =>
        Task.FromResult(Records.Count == 0 ? AuditChainHead.Empty : new AuditChainHead(Records[^1].Sequence, Records[^1].Hash));

    public async IAsyncEnumerable<AuditRecord> ReadAsync(long fromSequence = 1, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await Task.Yield();
        foreach (var record in Records.Where(r => r.Sequence >= fromSequence).ToList())
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return record;
        }
    }
}
