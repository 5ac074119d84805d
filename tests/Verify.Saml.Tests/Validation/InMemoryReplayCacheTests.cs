using Microsoft.Extensions.Time.Testing;

using Verify.Saml.Validation.InMemory;

namespace Verify.Saml.Tests.Validation;

public sealed class InMemoryReplayCacheTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 30, 10, 0, 0, TimeSpan.Zero);

    [Test]
    public async Task TryAdd_AcceptsAnIdOnce_ThenRefusesItUntilItExpires()
    {
        var time = new FakeTimeProvider(Start);
        var cache = new InMemoryReplayCache(time);

        var first = await cache.TryAddAsync("idp", "_a1", Start.AddMinutes(120));
        var replay = await cache.TryAddAsync("idp", "_a1", Start.AddMinutes(120));
        time.Advance(TimeSpan.FromMinutes(121));
        var afterExpiry = await cache.TryAddAsync("idp", "_a1", Start.AddMinutes(300));

        Assert.Multiple(() =>
        {
            Assert.That(first, Is.True);
            Assert.That(replay, Is.False);
            Assert.That(afterExpiry, Is.True);
        });
    }

    [Test]
    public async Task TryAdd_KeepsScopesApart()
    {
        var cache = new InMemoryReplayCache(new FakeTimeProvider(Start));

        await cache.TryAddAsync("idp-one", "_a1", Start.AddMinutes(5));

        Assert.That(await cache.TryAddAsync("idp-two", "_a1", Start.AddMinutes(5)), Is.True);
    }

    [Test]
    public async Task TryAdd_WhenFull_RefusesRatherThanForgetting()
    {
        var cache = new InMemoryReplayCache(new FakeTimeProvider(Start), capacity: 2);
        await cache.TryAddAsync("s", "1", Start.AddMinutes(5));
        await cache.TryAddAsync("s", "2", Start.AddMinutes(5));

        Assert.Multiple(() =>
        {
            Assert.ThrowsAsync<InvalidOperationException>(async () => await cache.TryAddAsync("s", "3", Start.AddMinutes(5)));
            Assert.That(async () => await cache.TryAddAsync("s", "1", Start.AddMinutes(5)), Is.False, "a remembered ID is still refused");
        });
    }

    [Test]
    public async Task TryAdd_InParallel_AcceptsExactlyOne()
    {
        var cache = new InMemoryReplayCache(new FakeTimeProvider(Start));

        var results = await Task.WhenAll(Enumerable.Range(0, 32).Select(_ => Task.Run(async () => await cache.TryAddAsync("s", "_same", Start.AddMinutes(5)))));

        Assert.That(results.Count(r => r), Is.EqualTo(1));
    }
}
