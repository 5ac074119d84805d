using Microsoft.Extensions.Time.Testing;

using Verify.Matching.Engine;

namespace Verify.Matching.Tests.Engine;

public sealed class InMemoryCycle3AttemptCounterTests
{
    private static readonly bool[] ThreeAllowedThenRefused = [true, true, true, false];

    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 30, 9, 0, 0, TimeSpan.Zero));

    [Test]
    public void Attempts_UpToTheCap_AreAllowed_ThenRefused()
    {
        var counter = new InMemoryCycle3AttemptCounter(new MatchingOptions { MaxCycle3Attempts = 3 }, _clock);

        var results = Enumerable.Range(0, 4).Select(_ => counter.TryCountAttempt("m")).ToList();

        Assert.That(results, Is.EqualTo(ThreeAllowedThenRefused));
    }

    [Test]
    public void Attempts_AreCountedPerMatchId()
    {
        var counter = new InMemoryCycle3AttemptCounter(new MatchingOptions { MaxCycle3Attempts = 1 }, _clock);
        counter.TryCountAttempt("m1");

        Assert.That(counter.TryCountAttempt("m2"), Is.True);
    }

    [Test]
    public void Attempts_AreForgottenAfterTheWindow()
    {
        var options = new MatchingOptions { MaxCycle3Attempts = 1, Cycle3AttemptWindow = TimeSpan.FromMinutes(150) };
        var counter = new InMemoryCycle3AttemptCounter(options, _clock);
        counter.TryCountAttempt("m");
        Assert.That(counter.TryCountAttempt("m"), Is.False);

        _clock.Advance(TimeSpan.FromMinutes(151));

        Assert.That(counter.TryCountAttempt("m"), Is.True);
    }
}
