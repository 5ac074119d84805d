namespace Verify.Federation.Tests.Support;

/// <summary>
/// A clock tests set and move (ARCHITECTURE.md: time is injected). Unlike <c>FakeTimeProvider</c> it may be set back,
/// so one store, created once per fixture, can start every test at <see cref="TestParties.Now"/>.
/// </summary>
public sealed class TestClock : TimeProvider
{
    private long _utcTicks = TestParties.Now.UtcTicks;

    public override DateTimeOffset GetUtcNow() => new(Interlocked.Read(ref _utcTicks), TimeSpan.Zero);

    public void Set(DateTimeOffset now) => Interlocked.Exchange(ref _utcTicks, now.UtcTicks);

    public void Advance(TimeSpan by) => Interlocked.Add(ref _utcTicks, by.Ticks);
}
