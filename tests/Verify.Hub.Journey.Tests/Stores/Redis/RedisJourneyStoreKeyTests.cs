using Verify.Hub.Journey.Redis;

using static Verify.Hub.Journey.Tests.Support.Fixtures;

namespace Verify.Hub.Journey.Tests.Stores.Redis;

/// <summary>Keys: one per journey, prefixed, with the journey ID as the Redis Cluster hash tag.</summary>
public sealed class RedisJourneyStoreKeyTests
{
    private static readonly string[] HashFields = ["v", "d"];

    [Test]
    public void Key_IsThePrefixThenTheIdInBraces()
    {
        var store = new RedisJourneyStore(RedisServer.Connection, Clock(), new JourneyOptions(), new RedisJourneyStoreOptions { KeyPrefix = "hub:j:" });
        var id = JourneyId.New();

        Assert.That(store.Key(id).ToString(), Is.EqualTo("hub:j:{" + id.Value + "}"));
    }

    [Test]
    public async Task StoredJourney_IsOneHashWithVersionAndDocument()
    {
        var prefix = $"verify-test:{Guid.NewGuid():N}:";
        var store = new RedisJourneyStore(RedisServer.Connection, Clock(), new JourneyOptions(), new RedisJourneyStoreOptions { KeyPrefix = prefix });
        var created = await store.CreateAsync(Machine(Clock()).Start(NonMatchingRp()));

        var fields = await RedisServer.Connection.GetDatabase().HashGetAllAsync(store.Key(created.Id));

        Assert.That(fields.Select(f => f.Name.ToString()), Is.EquivalentTo(HashFields));
        Assert.That(fields.Single(f => f.Name == "v").Value.ToString(), Is.EqualTo("1"));
    }

    [TestCase("journey:{x}:")]
    [TestCase("journey}")]
    public void KeyPrefix_WithABrace_IsRefused(string prefix)
    {
        Assert.Throws<ArgumentException>(() => new RedisJourneyStoreOptions { KeyPrefix = prefix }.Validate());
    }
}
