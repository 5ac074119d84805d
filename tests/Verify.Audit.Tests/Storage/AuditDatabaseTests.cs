using Microsoft.EntityFrameworkCore;

using Npgsql;

using Verify.Audit.Storage;
using Verify.Audit.Tests.Support;

namespace Verify.Audit.Tests.Storage;

/// <summary>Each provider's migrations create exactly the model; the grants' argument checks hold on both.</summary>
[TestFixtureSource(typeof(Providers), nameof(Providers.All))]
public sealed class AuditDatabaseTests(AuditProvider provider) : AuditTestBase(provider)
{
    [Test]
    public async Task Migrations_MatchTheModel()
    {
        await using var context = Database.Database.CreateContext();
        var pending = await context.Database.GetPendingMigrationsAsync();

        Assert.Multiple(() =>
        {
            Assert.That(context.Database.HasPendingModelChanges(), Is.False, "run dotnet ef migrations add for this provider");
            Assert.That(pending, Is.Empty);
        });
    }

    [Test]
    public async Task Migrating_Twice_ChangesNothing()
    {
        await AppendAsync(2);

        await Database.Database.MigrateAsync();

        Assert.That((await VerifyAsync()).EventCount, Is.EqualTo(2));
    }

    [Test]
    public async Task EmptyChain_HasTheGenesisHead()
    {
        var head = await Chain.GetHeadAsync();

        Assert.That(head, Is.EqualTo(Audit.Chain.AuditChainHead.Empty));
    }
}

/// <summary>The Postgres-only cases of <see cref="AuditDatabaseTests"/>.</summary>
public sealed class AuditDatabasePostgresTests() : AuditTestBase(AuditProvider.Postgres)
{
    [Test]
    public void Grants_ForTheTableOwner_AreRefused_OnPostgres()
    {
        var owner = new NpgsqlConnectionStringBuilder(Database.ConnectionString).Username!;

        var thrown = Assert.ThrowsAsync<InvalidOperationException>(() => Database.Database.ApplyAppendOnlyGrantsAsync(owner));

        Assert.That(thrown!.Message, Does.Contain("owns audit_events"));
    }

    [Test]
    public void Grants_ForAnUnknownRole_AreRefused_OnPostgres()
    {
        var thrown = Assert.ThrowsAsync<InvalidOperationException>(() => Database.Database.ApplyAppendOnlyGrantsAsync("no_such_role_" + Guid.NewGuid().ToString("N")[..8]));

        Assert.That(thrown!.Message, Does.StartWith("There is no role"));
    }
}

/// <summary>The Sqlite-only cases of <see cref="AuditDatabaseTests"/>.</summary>
public sealed class AuditDatabaseSqliteTests() : AuditTestBase(AuditProvider.Sqlite)
{
    [Test]
    public async Task Grants_OnSqlite_DoNothing()
    {
        await Database.Database.ApplyAppendOnlyGrantsAsync("verify_app");

        Assert.That((await VerifyAsync()).IsIntact, Is.True);
    }
}
