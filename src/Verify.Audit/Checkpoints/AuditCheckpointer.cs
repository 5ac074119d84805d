using System.Buffers.Text;
using System.Security.Cryptography;

using Verify.Audit.Chain;
using Verify.Audit.Verification;

namespace Verify.Audit.Checkpoints;

/// <summary>
/// Writes checkpoints: the chain's head, signed, appended as one JSON line to a file outside the database. The caller
/// decides when: on demand (<c>verify audit checkpoint</c>) or on a timer in one place (every few minutes, so at most
/// that window of events could be rewritten without a checkpoint catching it).
/// </summary>
/// <remarks>
/// Before signing, the checkpointer checks that the chain still extends the file's last checkpoint (same hash at that
/// sequence, then a whole chain up to the head), so it never vouches for a chain in which an event that checkpoint
/// covers was changed. Events written since the last checkpoint are only as safe as the interval is short. The full
/// check from event 1 is <see cref="AuditVerifier"/>'s.
/// </remarks>
public sealed class AuditCheckpointer
{
    private readonly IAuditChain _chain;
    private readonly AsymmetricAlgorithm _signingKey;
    private readonly TimeProvider _timeProvider;
    private readonly string _algorithm;
    private readonly string _keyId;

    /// <summary>A checkpointer over <paramref name="chain"/> that signs with <paramref name="signingKey"/> (ECDSA P-256 or RSA ≥ 2048).</summary>
    /// <exception cref="CryptographicException">The key is of another kind or too weak.</exception>
    public AuditCheckpointer(IAuditChain chain, AsymmetricAlgorithm signingKey, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(chain);
        ArgumentNullException.ThrowIfNull(signingKey);
        ArgumentNullException.ThrowIfNull(timeProvider);
        _chain = chain;
        _signingKey = signingKey;
        _timeProvider = timeProvider;
        _algorithm = AuditCheckpointKeys.AlgorithmOf(signingKey);
        _keyId = AuditCheckpointKeys.KeyId(signingKey);
    }

    /// <summary>Signs the chain's current head and appends it to <paramref name="checkpointFile"/> (created when missing).</summary>
    /// <exception cref="AuditChainBrokenException">The chain no longer extends the file's last checkpoint; nothing was written.</exception>
    /// <exception cref="InvalidDataException">The file's last line is not a valid checkpoint of this key.</exception>
    public async Task<AuditCheckpoint> WriteCheckpointAsync(string checkpointFile, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(checkpointFile);
        var head = await _chain.GetHeadAsync(cancellationToken).ConfigureAwait(false);
        var lines = await CheckpointFile.ReadAsync(checkpointFile, mustExist: false, cancellationToken).ConfigureAwait(false);
        if (lines.Count > 0)
        {
            var (line, text) = lines[^1];
            await CheckExtendsAsync(ReadOwn(line, text), line, head, lines.Count, cancellationToken).ConfigureAwait(false);
        }

        var unsigned = new AuditCheckpoint
        {
            Sequence = head.Sequence,
            Hash = head.Hash,
            WrittenAt = Truncate(_timeProvider.GetUtcNow()),
            Algorithm = _algorithm,
            KeyId = _keyId,
            Signature = "",
        };
        var checkpoint = unsigned with { Signature = Base64Url.EncodeToString(AuditCheckpointKeys.Sign(_signingKey, unsigned.SignedBytes())) };
        await CheckpointFile.AppendAsync(checkpointFile, checkpoint, cancellationToken).ConfigureAwait(false);
        return checkpoint;
    }

    /// <summary>The last checkpoint, its signature checked when it is this key's (after a key rotation it is another's).</summary>
    private AuditCheckpoint ReadOwn(int line, string text)
    {
        AuditCheckpoint previous;
        try
        {
            previous = AuditCheckpoint.Parse(text);
        }
        catch (FormatException ex)
        {
            throw new InvalidDataException($"Line {line} of the checkpoint file is not a checkpoint ({ex.Message}); run 'verify audit verify'.", ex);
        }

        if (previous.KeyId == _keyId
            && !AuditCheckpointKeys.VerifySignature(_signingKey, previous))
        {
            throw new InvalidDataException($"The checkpoint at line {line} does not verify with this key: the file was altered; run 'verify audit verify'.");
        }

        return previous;
    }

    private async Task CheckExtendsAsync(AuditCheckpoint previous, int line, AuditChainHead head, int checkpointCount, CancellationToken cancellationToken)
    {
        if (head.Sequence < previous.Sequence)
        {
            throw new AuditChainBrokenException(AuditVerificationResult.Truncated(head.Sequence, previous.Sequence, line, checkpointCount));
        }

        if (previous.Sequence == 0 && previous.Hash != AuditChainHash.Genesis)
        {
            throw new AuditChainBrokenException(AuditVerificationResult.CheckpointMismatch(0, 1, line, 0, checkpointCount));
        }

        // From event 1 for a checkpoint of the empty chain; otherwise from the row the checkpoint vouches for.
        var walker = previous.Sequence == 0 ? new ChainWalker(1, AuditChainHash.Genesis) : null;
        await foreach (var record in _chain.ReadAsync(Math.Max(previous.Sequence, 1), cancellationToken).ConfigureAwait(false))
        {
            if (record.Sequence > head.Sequence)
            {
                break;
            }

            if (walker is null)
            {
                // The row the checkpoint vouches for: its hash must be the signed one and must match its content.
                if (record.Sequence != previous.Sequence
                    || record.Hash != previous.Hash
                    || AuditChainHash.Compute(record.PreviousHash, record.Sequence, record.EventJson) != record.Hash)
                {
                    throw new AuditChainBrokenException(AuditVerificationResult.CheckpointMismatch(previous.Sequence, 1, line, 0, checkpointCount));
                }

                walker = new ChainWalker(record.Sequence + 1, record.Hash);
                continue;
            }

            if (walker.Step(record) is { } bad)
            {
                throw new AuditChainBrokenException(AuditVerificationResult.BadEvent(bad.Problem, walker.LastSequence + 1, walker.LastSequence, checkpointCount, bad.Why));
            }
        }

        if (walker is null || walker.LastSequence != head.Sequence)
        {
            throw new AuditChainBrokenException(AuditVerificationResult.Truncated(walker?.LastSequence ?? 0, Math.Max(previous.Sequence, head.Sequence), line, checkpointCount));
        }
    }

    private static DateTimeOffset Truncate(DateTimeOffset now) =>
        new(now.UtcTicks - (now.UtcTicks % TimeSpan.TicksPerMicrosecond), TimeSpan.Zero);
}
