namespace Verify.Audit.Verification;

/// <summary>What is wrong with the trail. Explicit numbers: scripts may compare them.</summary>
public enum AuditProblem
{
    /// <summary>An event is missing: the next stored sequence number skips one (a row was deleted).</summary>
    Gap = 1,

    /// <summary>An event's previous hash is not the hash of the event before it (rows cut out or reordered).</summary>
    PreviousHashMismatch = 2,

    /// <summary>An event's hash does not match its content (the event JSON or the hash was changed).</summary>
    HashMismatch = 3,

    /// <summary>An event's type, ID or time column does not match its JSON (a column was changed).</summary>
    RowMismatch = 4,

    /// <summary>The chain's hash at a checkpoint's sequence is not the signed one (the chain was rewritten and recomputed).</summary>
    CheckpointMismatch = 5,

    /// <summary>A signed checkpoint vouches for events the chain no longer has (the last rows were deleted).</summary>
    ChainTruncated = 6,

    /// <summary>A line of the checkpoint file is not a checkpoint.</summary>
    CheckpointUnreadable = 7,

    /// <summary>A checkpoint was signed by a key other than the ones given.</summary>
    CheckpointUnknownKey = 8,

    /// <summary>A checkpoint's signature does not verify (forged or altered).</summary>
    CheckpointSignatureInvalid = 9,
}
