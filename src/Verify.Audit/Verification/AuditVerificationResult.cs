using System.Globalization;

namespace Verify.Audit.Verification;

/// <summary>
/// What <see cref="AuditVerifier"/> found. Fails closed: <see cref="IsIntact"/> is true only when every event and every
/// checkpoint was checked and nothing was wrong; otherwise <see cref="Problem"/> says what, and
/// <see cref="FirstBadSequence"/> or <see cref="CheckpointLine"/> where.
/// </summary>
public sealed class AuditVerificationResult
{
    private AuditVerificationResult(AuditProblem? problem, long eventCount, int checkpointCount, long? firstBadSequence, long? earliestSuspectSequence, int? checkpointLine, string message)
    {
        Problem = problem;
        EventCount = eventCount;
        CheckpointCount = checkpointCount;
        FirstBadSequence = firstBadSequence;
        EarliestSuspectSequence = earliestSuspectSequence;
        CheckpointLine = checkpointLine;
        Message = message;
    }

    /// <summary>True when the chain is whole and agrees with every checkpoint.</summary>
    public bool IsIntact => Problem is null;

    /// <summary>What is wrong; null when intact.</summary>
    public AuditProblem? Problem { get; }

    /// <summary>The events checked: all of them when intact, else those before the first bad one.</summary>
    public long EventCount { get; }

    /// <summary>The checkpoints read (all verified, when the chain is intact).</summary>
    public int CheckpointCount { get; }

    /// <summary>
    /// The first bad event's sequence number. For <see cref="AuditProblem.CheckpointMismatch"/> it is the checkpoint's
    /// sequence, and the rewritten event lies between <see cref="EarliestSuspectSequence"/> and it; for
    /// <see cref="AuditProblem.ChainTruncated"/> it is the first missing event.
    /// </summary>
    public long? FirstBadSequence { get; }

    /// <summary>For a checkpoint mismatch, the first event after the last checkpoint that matched: the rewrite is at or after it.</summary>
    public long? EarliestSuspectSequence { get; }

    /// <summary>The checkpoint file's line (1-based) that is bad or that caught the problem.</summary>
    public int? CheckpointLine { get; }

    /// <summary>One sentence for the operator: what was found and where.</summary>
    public string Message { get; }

    internal static AuditVerificationResult Intact(long eventCount, int checkpointCount) =>
        new(null, eventCount, checkpointCount, null, null, null, Text($"audit chain intact: {eventCount} event{(eventCount == 1 ? "" : "s")}, {checkpointCount} checkpoint{(checkpointCount == 1 ? "" : "s")}"));

    internal static AuditVerificationResult BadEvent(AuditProblem problem, long sequence, long eventCount, int checkpointCount, string why) =>
        new(problem, eventCount, checkpointCount, sequence, null, null, Text($"first bad event {sequence}: {why}"));

    internal static AuditVerificationResult CheckpointMismatch(long sequence, long earliestSuspect, int line, long eventCount, int checkpointCount) =>
        new(AuditProblem.CheckpointMismatch, eventCount, checkpointCount, sequence, earliestSuspect, line, Text(
            $"the chain's hash at event {sequence} is not the one signed in the checkpoint at line {line}: an event from {earliestSuspect} to {sequence} was rewritten and the chain after it recomputed"));

    internal static AuditVerificationResult Truncated(long lastSequence, long checkpointSequence, int line, int checkpointCount) =>
        new(AuditProblem.ChainTruncated, lastSequence, checkpointCount, lastSequence + 1, null, line, Text(
            $"the chain ends at event {lastSequence}, but the checkpoint at line {line} vouches for event {checkpointSequence}: events from {lastSequence + 1} were deleted"));

    internal static AuditVerificationResult BadCheckpoint(AuditProblem problem, int line, int checkpointCount, string why) =>
        new(problem, 0, checkpointCount, null, null, line, Text($"checkpoint at line {line} refused: {why}"));

    private static string Text(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
