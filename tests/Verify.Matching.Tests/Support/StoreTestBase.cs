using Microsoft.Extensions.Time.Testing;

using Verify.Matching.Engine;
using Verify.Matching.Records;
using Verify.Matching.Storage;

namespace Verify.Matching.Tests.Support;

/// <summary>
/// The abstract store suite: each derived fixture runs once per provider (<see cref="Providers.All"/>)
/// against a fresh database, emptied before every test. Records are written through the real write path.
/// </summary>
public abstract class StoreTestBase(MatchingProvider provider)
{
    private TestStore _store = null!;

    protected MatchingProvider Provider { get; } = provider;

    protected FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 11, 30, 9, 0, 0, TimeSpan.Zero));

    protected MatchingOptions Options { get; set; } = new();

    protected MatchingDatabase Database => _store.Database;

    internal TestStore Store => _store;

    [OneTimeSetUp]
    public async Task CreateStore()
    {
        _store = await TestStore.CreateAsync(Provider);
    }

    [OneTimeTearDown]
    public async Task DeleteStore()
    {
        await _store.DeleteAsync();
    }

    [SetUp]
    public async Task EmptyStore()
    {
        Options = new MatchingOptions();
        await _store.ClearAsync();
    }

    protected ReferenceMatchingEngine NewEngine() => ReferenceMatchingEngine.Create(Database, Options, Clock);

    protected async Task AddAsync(params DepartmentRecord[] records)
    {
        await using var context = Database.CreateContext();
        RecordWriter.Add(context, records, Clock.GetUtcNow());
        await context.SaveChangesAsync();
    }
}
