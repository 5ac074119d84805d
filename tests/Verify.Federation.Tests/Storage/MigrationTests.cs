using Microsoft.EntityFrameworkCore;

using Verify.Federation.Storage;
using Verify.Federation.Tests.Support;

namespace Verify.Federation.Tests.Storage;

/// <summary>Each provider's migrations create exactly the model, so the same code runs on both.</summary>
[TestFixtureSource(typeof(Providers), nameof(Providers.All))]
public sealed class MigrationTests(FederationProvider provider) : StoreTestBase(provider)
{
    [Test]
    public async Task Migrations_MatchTheModel()
    {
        await using var context = Store.Database.CreateContext();
        var pending = await context.Database.GetPendingMigrationsAsync();

        Assert.Multiple(() =>
        {
            Assert.That(context.Database.HasPendingModelChanges(), Is.False, "run dotnet ef migrations add for this provider");
            Assert.That(pending, Is.Empty);
        });
    }

    [Test]
    public async Task TheRevisionRow_IsCreatedByTheMigration()
    {
        Assert.That(await Store.GetRevisionAsync(), Is.GreaterThanOrEqualTo(0));
    }

    [Test]
    public async Task Migrating_Twice_ChangesNothing()
    {
        await Store.MigrateAsync();

        Assert.That(await Store.GetRevisionAsync(), Is.GreaterThanOrEqualTo(0));
    }
}
