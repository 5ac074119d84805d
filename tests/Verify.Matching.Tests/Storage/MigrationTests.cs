using Microsoft.EntityFrameworkCore;

using Verify.Matching.Storage;
using Verify.Matching.Tests.Support;

namespace Verify.Matching.Tests.Storage;

/// <summary>Each provider's migrations create exactly the model, so the same code runs on both.</summary>
[TestFixtureSource(typeof(Providers), nameof(Providers.All))]
public sealed class MigrationTests(MatchingProvider provider) : StoreTestBase(provider)
{
    private static readonly string[] KeyColumns =
        ["records.record_id", "record_names.block_key", "record_addresses.block_key", "record_identifiers.lookup_key"];

    [Test]
    public async Task Migrations_MatchTheModel()
    {
        await using var context = Database.CreateContext();
        var pending = await context.Database.GetPendingMigrationsAsync();

        Assert.Multiple(() =>
        {
            Assert.That(context.Database.HasPendingModelChanges(), Is.False, "run dotnet ef migrations add for this provider");
            Assert.That(pending, Is.Empty);
        });
    }

    [Test]
    public async Task BlockingKeyLookups_UseTheirIndexes()
    {
        await using var context = Database.CreateContext();
        var indexed = context.Model.GetEntityTypes()
            .SelectMany(e => e.GetIndexes())
            .Select(i => $"{i.DeclaringEntityType.GetTableName()}.{string.Join(",", i.Properties.Select(p => p.GetColumnName()))}")
            .ToList();

        Assert.That(indexed, Is.SupersetOf(KeyColumns));
    }
}
