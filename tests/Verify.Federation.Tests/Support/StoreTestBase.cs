using Verify.Federation.Storage;

namespace Verify.Federation.Tests.Support;

/// <summary>
/// The abstract store suite: each derived fixture runs once per provider (<see cref="Providers.All"/>) against a
/// fresh database, emptied before every test. Parties are written through the real registration and store.
/// </summary>
public abstract class StoreTestBase(FederationProvider provider)
{
    private TestDatabase _database = null!;

    protected FederationProvider Provider { get; } = provider;

    protected TestClock Clock { get; } = new();

    protected FederationStore Store => _database.Store;

    internal TestDatabase Database => _database;

    [OneTimeSetUp]
    public async Task CreateDatabase()
    {
        _database = await TestDatabase.CreateAsync(Provider, Clock);
    }

    [OneTimeTearDown]
    public async Task DeleteDatabase()
    {
        await _database.DeleteAsync();
    }

    [SetUp]
    public async Task EmptyDatabase()
    {
        Clock.Set(TestParties.Now);
        await _database.ClearAsync();
    }
}
