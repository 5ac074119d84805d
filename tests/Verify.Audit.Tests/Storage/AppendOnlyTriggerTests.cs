using System.Data.Common;

using Verify.Audit.Storage;
using Verify.Audit.Tests.Support;

namespace Verify.Audit.Tests.Storage;

/// <summary>
/// The migrations' triggers refuse UPDATE and DELETE on <c>audit_events</c> even for the owner, on both providers (the
/// second line after the PostgreSQL grants; on SQLite the only one).
/// </summary>
[TestFixtureSource(typeof(Providers), nameof(Providers.All))]
public sealed class AppendOnlyTriggerTests(AuditProvider provider) : AuditTestBase(provider)
{
    [TestCase("UPDATE audit_events SET event_json = '{}' WHERE sequence = 1")]
    [TestCase("UPDATE audit_events SET hash = previous_hash")]
    [TestCase("DELETE FROM audit_events WHERE sequence = 2")]
    [TestCase("DELETE FROM audit_events")]
    public async Task TheOwner_CannotChangeOrDeleteRows(string sql)
    {
        await AppendAsync(2);
        var before = await Database.ReadAllAsync();

        var thrown = Assert.ThrowsAsync(Is.InstanceOf<DbException>(), () => Database.ExecuteAsync(sql));

        Assert.Multiple(async () =>
        {
            Assert.That(thrown!.Message, Does.Contain("audit_events is append-only"));
            Assert.That(await Database.ReadAllAsync(), Is.EqualTo(before));
        });
    }


    [Test]
    public async Task Inserts_StillWork()
    {
        await AppendAsync(3);

        Assert.That((await VerifyAsync()).EventCount, Is.EqualTo(3));
    }
}

/// <summary>The Postgres-only cases of <see cref="AppendOnlyTriggerTests"/>.</summary>
public sealed class AppendOnlyTriggerPostgresTests() : AuditTestBase(AuditProvider.Postgres)
{
    [Test]
    public async Task TheOwner_CannotTruncate_OnPostgres()
    {
        await AppendAsync(1);

        var thrown = Assert.ThrowsAsync(Is.InstanceOf<DbException>(), () => Database.ExecuteAsync("TRUNCATE audit_events"));

        Assert.That(thrown!.Message, Does.Contain("audit_events is append-only: TRUNCATE refused"));
    }
}
