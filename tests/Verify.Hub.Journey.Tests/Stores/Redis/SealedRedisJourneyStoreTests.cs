using System.Security.Cryptography;
using System.Text;

using Microsoft.Extensions.Time.Testing;

using Verify.Hub.Journey.Model;
using Verify.Hub.Journey.Protection;
using Verify.Hub.Journey.Redis;
using Verify.Hub.Journey.States;

using static Verify.Hub.Journey.Tests.Support.Fixtures;

namespace Verify.Hub.Journey.Tests.Stores.Redis;

/// <summary>
/// The store contract again with journeys sealed (as production stores them, ADR 0023), and what sealing must hold:
/// no personal data in Redis in the clear, an altered or moved document does not open, and keys rotate.
/// </summary>
[TestFixture]
public sealed class SealedRedisJourneyStoreTests : JourneyStoreContract
{
    private static readonly byte[] Secret = RandomNumberGenerator.GetBytes(32);

    protected override IJourneyStore CreateStore(FakeTimeProvider clock, JourneyOptions options) => SealedStore(clock, options, Protector());

    protected override Task<TimeSpan?> TimeToLiveAsync(IJourneyStore store, JourneyId id) =>
        ((RedisJourneyStore)store).TimeToLiveAsync(id);

    protected override Task WaitPastTimeToLiveAsync(TimeSpan ttl) => Task.Delay(ttl + TimeSpan.FromMilliseconds(300));

    [Test]
    public async Task StoredDocument_HoldsNoPersonalDataInTheClear()
    {
        var clock = Clock();
        var machine = Machine(clock);
        var store = SealedStore(clock, new JourneyOptions(), Protector());
        var journey = await store.CreateAsync(machine.Start(MatchingRp()));
        journey = (await store.TryUpdateAsync(machine.SelectIdp(journey, new IdpSelection(IdpA, JourneyIntent.SignIn, AuthnRequestId), Availability()))).Journey!;
        journey = (await store.TryUpdateAsync(machine.IdpAuthnSucceeded(journey, IdpAnswer(), Identity(), MatchRequestId))).Journey!;
        journey = (await store.TryUpdateAsync(machine.NoMatchFound(journey, MatchingAnswer(), "_match-2"))).Journey!;
        var cycle3 = await store.TryUpdateAsync(machine.Cycle3DataSubmitted(journey, "QQ123456C", "_match-3"));

        var raw = (byte[])(await RedisServer.Connection.GetDatabase().HashGetAsync(store.Key(journey.Id), "d"))!;
        var text = Encoding.Latin1.GetString(raw);

        Assert.That(cycle3.Succeeded, Is.True);
        Assert.That(text, Does.Not.Contain("QQ123456C"));
        Assert.That(text, Does.Not.Contain("Jane"));
        Assert.That(text, Does.Not.Contain(Identity().PersistentId));
        Assert.That(text, Does.Not.Contain("Cycle3MatchRequestSent"));
        Assert.That((await store.GetAsync(journey.Id))!.State, Is.InstanceOf<Cycle3MatchRequestSentState>());
    }

    [Test]
    public async Task AlteredDocument_DoesNotOpen()
    {
        var store = SealedStore(Clock(), new JourneyOptions(), Protector());
        var journey = await store.CreateAsync(Machine(Clock()).Start(NonMatchingRp()));
        var database = RedisServer.Connection.GetDatabase();
        var raw = (byte[])(await database.HashGetAsync(store.Key(journey.Id), "d"))!;
        raw[^20] ^= 1;
        await database.HashSetAsync(store.Key(journey.Id), "d", raw);

        Assert.ThrowsAsync<JourneyStoreException>(() => store.GetAsync(journey.Id));
    }

    [Test]
    public async Task DocumentMovedToAnotherJourney_DoesNotOpen()
    {
        var store = SealedStore(Clock(), new JourneyOptions(), Protector());
        var first = await store.CreateAsync(Machine(Clock()).Start(NonMatchingRp()));
        var second = await store.CreateAsync(Machine(Clock()).Start(NonMatchingRp()));
        var database = RedisServer.Connection.GetDatabase();
        var firstDocument = await database.HashGetAsync(store.Key(first.Id), "d");
        await database.HashSetAsync(store.Key(second.Id), "d", firstDocument);

        Assert.ThrowsAsync<JourneyStoreException>(() => store.GetAsync(second.Id));
    }

    [Test]
    public async Task PlainDocument_IsRefusedWhenTheStoreSeals()
    {
        var prefix = $"verify-test:{Guid.NewGuid():N}:";
        var plain = SealedStore(Clock(), new JourneyOptions(), null, prefix);
        var journey = await plain.CreateAsync(Machine(Clock()).Start(NonMatchingRp()));

        Assert.ThrowsAsync<JourneyStoreException>(() => SealedStore(Clock(), new JourneyOptions(), Protector(), prefix).GetAsync(journey.Id));
    }

    [Test]
    public async Task RotatedKeys_OpenWithTheOldKeyAndSealWithTheNew()
    {
        var prefix = $"verify-test:{Guid.NewGuid():N}:";
        var oldKey = RandomNumberGenerator.GetBytes(32);
        var newKey = RandomNumberGenerator.GetBytes(32);
        var before = SealedStore(Clock(), new JourneyOptions(), new JourneyProtector([oldKey]), prefix);
        var journey = await before.CreateAsync(Machine(Clock()).Start(NonMatchingRp()));
        var during = SealedStore(Clock(), new JourneyOptions(), new JourneyProtector([newKey, oldKey]), prefix);
        var after = SealedStore(Clock(), new JourneyOptions(), new JourneyProtector([newKey]), prefix);

        var read = await during.GetAsync(journey.Id);
        var written = await during.TryUpdateAsync(Machine(Clock()).DeclareIntent(read!, JourneyIntent.SignIn));

        Assert.That(written.Succeeded, Is.True);
        Assert.That(await after.GetAsync(journey.Id), Is.Not.Null);
        Assert.ThrowsAsync<JourneyStoreException>(() => before.GetAsync(journey.Id));
    }

    [Test]
    public void Keys_MustBe32BytesAndDistinct()
    {
        var key = RandomNumberGenerator.GetBytes(32);
        Assert.Throws<ArgumentException>(() => _ = new JourneyProtector([]));
        Assert.Throws<ArgumentException>(() => _ = new JourneyProtector([new byte[16]]));
        Assert.Throws<ArgumentException>(() => _ = new JourneyProtector([key, (byte[])key.Clone()]));
    }

    [Test]
    public void DerivedKey_IsStablePerSecretAndDiffersBetweenSecrets()
    {
        Assert.That(JourneyProtector.DeriveKey(Secret), Is.EqualTo(JourneyProtector.DeriveKey((byte[])Secret.Clone())));
        Assert.That(JourneyProtector.DeriveKey(Secret), Is.Not.EqualTo(JourneyProtector.DeriveKey(RandomNumberGenerator.GetBytes(32))));
    }

    private static JourneyProtector Protector() => new([JourneyProtector.DeriveKey(Secret)]);

    private static RedisJourneyStore SealedStore(FakeTimeProvider clock, JourneyOptions options, JourneyProtector? protector, string? prefix = null) =>
        new(RedisServer.Connection, clock, options, new RedisJourneyStoreOptions
        {
            KeyPrefix = prefix ?? $"verify-test:{Guid.NewGuid():N}:",
            Protector = protector,
        });
}
