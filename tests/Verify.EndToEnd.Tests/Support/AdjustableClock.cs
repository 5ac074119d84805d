namespace Verify.EndToEnd.Tests.Support;

/// <summary>
/// The federation's clock: the system clock plus an offset a test can only move forward (a journey left too long).
/// Every app of the federation reads the same clock, so the messages they exchange stay consistent with each other;
/// timers and timestamps stay the system's.
/// </summary>
internal sealed class AdjustableClock : TimeProvider
{
    private long _offsetTicks;

    /// <summary>How far ahead of the system clock the federation is.</summary>
    public TimeSpan Offset => TimeSpan.FromTicks(Interlocked.Read(ref _offsetTicks));

    /// <inheritdoc/>
    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + Offset;

    /// <summary>Moves the federation's time forward by <paramref name="by"/>.</summary>
    public void Advance(TimeSpan by)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(by, TimeSpan.Zero);
        Interlocked.Add(ref _offsetTicks, by.Ticks);
    }
}
