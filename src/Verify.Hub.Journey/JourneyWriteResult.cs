namespace Verify.Hub.Journey;

/// <summary>The result of <see cref="IJourneyStore.TryUpdateAsync"/> or <see cref="IJourneyStore.TryDeleteAsync"/>.</summary>
public sealed class JourneyWriteResult
{
    private static readonly JourneyWriteResult ConflictResult = new(JourneyWriteStatus.VersionConflict, null);
    private static readonly JourneyWriteResult NotFoundResult = new(JourneyWriteStatus.NotFound, null);
    private static readonly JourneyWriteResult DeletedResult = new(JourneyWriteStatus.Written, null);

    private JourneyWriteResult(JourneyWriteStatus status, JourneyRecord? journey)
    {
        Status = status;
        Journey = journey;
    }

    /// <summary>How the write ended.</summary>
    public JourneyWriteStatus Status { get; }

    /// <summary>True when the write happened.</summary>
    public bool Succeeded => Status == JourneyWriteStatus.Written;

    /// <summary>After an update that happened: the journey as stored, with its new version. Otherwise null.</summary>
    public JourneyRecord? Journey { get; }

    internal static JourneyWriteResult Conflict => ConflictResult;

    internal static JourneyWriteResult NotFound => NotFoundResult;

    internal static JourneyWriteResult Deleted => DeletedResult;

    internal static JourneyWriteResult Updated(JourneyRecord stored) => new(JourneyWriteStatus.Written, stored);

    /// <inheritdoc/>
    public override string ToString() => Journey is null ? Status.ToString() : $"{Status} v{Journey.Version}";
}
