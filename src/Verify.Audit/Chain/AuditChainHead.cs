namespace Verify.Audit.Chain;

/// <summary>The last event of the chain: its sequence number and hash. An empty chain's head is 0 and the genesis hash.</summary>
/// <param name="Sequence">The last sequence number; 0 when the chain is empty.</param>
/// <param name="Hash">Its hash; <see cref="AuditChainHash.Genesis"/> when the chain is empty.</param>
public sealed record AuditChainHead(long Sequence, string Hash)
{
    /// <summary>The head of an empty chain.</summary>
    public static AuditChainHead Empty { get; } = new(0, AuditChainHash.Genesis);
}
