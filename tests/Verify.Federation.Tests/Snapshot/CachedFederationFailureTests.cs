using Microsoft.EntityFrameworkCore;

using Verify.Federation.Storage;
using Verify.Federation.Tests.Support;

using static Verify.Federation.Tests.Support.TestParties;

namespace Verify.Federation.Tests.Snapshot;

/// <summary>A database that fails after start-up must not stop journeys: the node keeps its last snapshot.</summary>
public sealed class CachedFederationFailureTests
{
    private readonly TestClock _clock = new();
    private TestDatabase _database = null!;

    [SetUp]
    public async Task CreateDatabase() => _database = await TestDatabase.CreateAsync(FederationProvider.Sqlite, _clock);

    [TearDown]
    public async Task DeleteDatabase() => await _database.DeleteAsync();

    [Test]
    public async Task AFailedRefresh_KeepsTheLastSnapshot_SaysWhy_AndRecovers()
    {
        var store = _database.Store;
        await store.AddOrUpdateRelyingPartyAsync(RegisterRp());
        using var cache = await CachedFederation.CreateAsync(store);
        var first = cache.Current;
        await using (var context = store.Database.CreateContext())
        {
            await context.Database.ExecuteSqlRawAsync("ALTER TABLE federation_revision RENAME TO federation_revision_gone");
        }

        _clock.Advance(TimeSpan.FromSeconds(5));
        var during = await cache.GetAsync();
        var error = cache.LastRefreshError;
        await using (var context = store.Database.CreateContext())
        {
            await context.Database.ExecuteSqlRawAsync("ALTER TABLE federation_revision_gone RENAME TO federation_revision");
        }

        _clock.Advance(TimeSpan.FromSeconds(5));
        await cache.GetAsync();

        Assert.Multiple(() =>
        {
            Assert.That(during, Is.SameAs(first));
            Assert.That(error, Is.Not.Null);
            Assert.That(cache.LastRefreshError, Is.Null);
        });
    }

    [Test]
    public void Create_FailsWhenTheStoreCannotBeReadAtAll()
    {
        var unmigrated = FederationStore.Create(FederationProvider.Sqlite, $"Data Source={Path.Combine(Path.GetTempPath(), $"verify-federation-empty-{Guid.NewGuid():N}.db")};Mode=Memory", _clock);

        Assert.That(() => CachedFederation.CreateAsync(unmigrated), Throws.Exception);
    }
}
