using System.Security.Cryptography;

using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

using Verify.Audit;
using Verify.Audit.Checkpoints;

namespace Verify.Hub.Auditing;

/// <summary>
/// Writes a signed checkpoint of the audit chain's head to a file outside the database every
/// <see cref="AuditCheckpointOptions.Interval"/> (ADR 0013, ADR 0017), when the chain has grown since the last one. Runs
/// on the node an operator configures it on (one node, or a cron job running <c>verify audit checkpoint</c> instead);
/// a chain that no longer extends the last checkpoint is logged as critical and nothing is signed.
/// </summary>
public sealed partial class AuditCheckpointService(IAuditChain chain, AuditCheckpointOptions options, TimeProvider time, ILogger<AuditCheckpointService> logger)
    : BackgroundService
{
    private readonly AuditCheckpointer _checkpointer = new(chain, options.SigningKey, time);
    private long _lastSequence = -1;

    /// <summary>Writes one checkpoint now when the chain has grown; the sequence it covers, or null when nothing was written.</summary>
    public async Task<long?> CheckpointAsync(CancellationToken cancellationToken)
    {
        var head = await chain.GetHeadAsync(cancellationToken).ConfigureAwait(false);
        if (head.Sequence == _lastSequence)
        {
            return null;
        }

        var checkpoint = await _checkpointer.WriteCheckpointAsync(options.File, cancellationToken).ConfigureAwait(false);
        _lastSequence = checkpoint.Sequence;
        return checkpoint.Sequence;
    }

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Interval, time);
        do
        {
            try
            {
                if (await CheckpointAsync(stoppingToken).ConfigureAwait(false) is { } sequence)
                {
                    CheckpointWritten(logger, sequence);
                }
            }
            catch (AuditChainBrokenException)
            {
                ChainBroken(logger);
            }
            catch (Exception ex) when (ex is not OperationCanceledException and (IOException or InvalidDataException or CryptographicException or InvalidOperationException or System.Data.Common.DbException))
            {
                CheckpointFailed(logger, ex.GetType().Name);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
    }

    [LoggerMessage(1101, LogLevel.Information, "Audit checkpoint written at event {Sequence}")]
    private static partial void CheckpointWritten(ILogger logger, long sequence);

    [LoggerMessage(1102, LogLevel.Critical, "Audit chain no longer extends the last checkpoint: nothing signed; run 'verify audit verify' (incident)")]
    private static partial void ChainBroken(ILogger logger);

    [LoggerMessage(1103, LogLevel.Error, "Audit checkpoint not written: {Reason}")]
    private static partial void CheckpointFailed(ILogger logger, string reason);
}

/// <summary>Where and how often the hub writes audit checkpoints.</summary>
/// <param name="File">The checkpoint file (JSON lines), outside the database's reach.</param>
/// <param name="SigningKey">The checkpoint-signing key (ECDSA P-256 or RSA ≥ 2048), not a hub protocol key.</param>
/// <param name="Interval">How often; at most this window of events could be rewritten unnoticed.</param>
public sealed record AuditCheckpointOptions(string File, AsymmetricAlgorithm SigningKey, TimeSpan Interval);
