using Verify.Audit.Chain;

namespace Verify.Audit;

/// <summary>The stored chain, read back for checkpoints and verification. Reading only: nothing here writes.</summary>
public interface IAuditChain
{
    /// <summary>The last stored event's sequence number and hash; <see cref="AuditChainHead.Empty"/> when there is none.</summary>
    Task<AuditChainHead> GetHeadAsync(CancellationToken cancellationToken = default);

    /// <summary>The stored rows from <paramref name="fromSequence"/> on, in sequence order, as stored (nothing checked).</summary>
    IAsyncEnumerable<AuditRecord> ReadAsync(long fromSequence = 1, CancellationToken cancellationToken = default);
}
