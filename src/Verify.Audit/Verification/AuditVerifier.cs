using System.Security.Cryptography;

using Verify.Audit.Chain;
using Verify.Audit.Checkpoints;

namespace Verify.Audit.Verification;

/// <summary>
/// Checks the whole trail: every checkpoint's signature, then the chain recomputed from event 1 (sequence without gaps,
/// previous hashes, hashes, columns), and at each checkpoint's sequence the signed hash. Names the first bad event, or
/// the checkpoint that caught a rewrite the chain alone would hide (the issue: an attacker who recomputes the chain
/// inside the database is still caught).
/// </summary>
public static class AuditVerifier
{
    /// <summary>Verifies <paramref name="chain"/> against the checkpoints in <paramref name="checkpointFile"/>, signed by <paramref name="publicKey"/>.</summary>
    /// <exception cref="FileNotFoundException">There is no checkpoint file.</exception>
    public static Task<AuditVerificationResult> VerifyAsync(IAuditChain chain, string checkpointFile, AsymmetricAlgorithm publicKey, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(publicKey);
        return VerifyAsync(chain, checkpointFile, [publicKey], cancellationToken);
    }

    /// <summary>
    /// Verifies <paramref name="chain"/> against the checkpoints in <paramref name="checkpointFile"/>, each signed by one
    /// of <paramref name="publicKeys"/> (more than one across a key rotation).
    /// </summary>
    /// <exception cref="FileNotFoundException">There is no checkpoint file.</exception>
    public static async Task<AuditVerificationResult> VerifyAsync(IAuditChain chain, string checkpointFile, IReadOnlyCollection<AsymmetricAlgorithm> publicKeys, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(chain);
        ArgumentException.ThrowIfNullOrWhiteSpace(checkpointFile);
        ArgumentNullException.ThrowIfNull(publicKeys);
        var keys = publicKeys.ToDictionary(AuditCheckpointKeys.KeyId, StringComparer.Ordinal);
        var lines = await CheckpointFile.ReadAsync(checkpointFile, mustExist: true, cancellationToken).ConfigureAwait(false);

        // 1. Every checkpoint must be genuine before any is trusted.
        var checkpoints = new Dictionary<long, List<(int Line, AuditCheckpoint Checkpoint)>>();
        foreach (var (line, text) in lines)
        {
            if (ReadGenuine(line, text, keys, lines.Count, out var checkpoint) is { } refused)
            {
                return refused;
            }

            if (!checkpoints.TryGetValue(checkpoint!.Sequence, out var atSequence))
            {
                checkpoints[checkpoint.Sequence] = atSequence = [];
            }

            atSequence.Add((line, checkpoint));
        }

        // 2. The chain from event 1, and each checkpoint's hash at its sequence.
        var lastMatched = 0L;
        if (Mismatch(checkpoints, 0, AuditChainHash.Genesis) is { } emptyChain)
        {
            return AuditVerificationResult.CheckpointMismatch(0, 1, emptyChain, 0, lines.Count);
        }

        var walker = new ChainWalker(1, AuditChainHash.Genesis);
        await foreach (var record in chain.ReadAsync(1, cancellationToken).ConfigureAwait(false))
        {
            if (walker.Step(record) is { } bad)
            {
                return AuditVerificationResult.BadEvent(bad.Problem, walker.LastSequence + 1, walker.LastSequence, lines.Count, bad.Why);
            }

            if (Mismatch(checkpoints, record.Sequence, record.Hash) is { } caughtAt)
            {
                return AuditVerificationResult.CheckpointMismatch(record.Sequence, lastMatched + 1, caughtAt, walker.LastSequence - 1, lines.Count);
            }

            if (checkpoints.ContainsKey(record.Sequence))
            {
                lastMatched = record.Sequence;
            }
        }

        // 3. Deleting the newest rows leaves a whole chain; only a checkpoint beyond its end shows it.
        var beyond = checkpoints.Where(c => c.Key > walker.LastSequence).SelectMany(c => c.Value).OrderBy(c => c.Line).FirstOrDefault();
        return beyond.Checkpoint is not null
            ? AuditVerificationResult.Truncated(walker.LastSequence, beyond.Checkpoint.Sequence, beyond.Line, lines.Count)
            : AuditVerificationResult.Intact(walker.LastSequence, lines.Count);
    }

    private static AuditVerificationResult? ReadGenuine(int line, string text, Dictionary<string, AsymmetricAlgorithm> keys, int count, out AuditCheckpoint? checkpoint)
    {
        try
        {
            checkpoint = AuditCheckpoint.Parse(text);
        }
        catch (FormatException ex)
        {
            checkpoint = null;
            return AuditVerificationResult.BadCheckpoint(AuditProblem.CheckpointUnreadable, line, count, ex.Message);
        }

        if (!keys.TryGetValue(checkpoint.KeyId, out var key))
        {
            return AuditVerificationResult.BadCheckpoint(AuditProblem.CheckpointUnknownKey, line, count, $"signed by key {checkpoint.KeyId}, which is not the public key given");
        }

        return AuditCheckpointKeys.VerifySignature(key, checkpoint)
            ? null
            : AuditVerificationResult.BadCheckpoint(AuditProblem.CheckpointSignatureInvalid, line, count, "its signature does not verify (the checkpoint was forged or altered)");
    }

    /// <summary>The line of the first checkpoint at <paramref name="sequence"/> whose hash is not <paramref name="hash"/>, if any.</summary>
    private static int? Mismatch(Dictionary<long, List<(int Line, AuditCheckpoint Checkpoint)>> checkpoints, long sequence, string hash) =>
        checkpoints.TryGetValue(sequence, out var atSequence)
            ? atSequence.Where(c => c.Checkpoint.Hash != hash).Select(c => (int?)c.Line).FirstOrDefault()
            : null;
}
