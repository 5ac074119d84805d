using Npgsql;

using Verify.Audit.Storage;
using Verify.Audit.Tests.Support;

namespace Verify.Audit.Tests.Storage;

/// <summary>
/// The append-only grants on PostgreSQL: a role like the hub's, created here, can INSERT and SELECT but UPDATE,
/// DELETE and TRUNCATE fail with "permission denied" (SQLSTATE 42501) before any trigger runs (the issue).
/// </summary>
public sealed class PostgresGrantsTests() : AuditTestBase(AuditProvider.Postgres)
{
    private const string Password = "audit-app-test-password";

    private static readonly string[] Forbidden = ["UPDATE audit_events SET event_json = '{}' WHERE sequence = 1", "DELETE FROM audit_events WHERE sequence = 2", "TRUNCATE audit_events"];

    private string _role = "";
    private bool _created;

    [SetUp]
    public async Task CreateRole()
    {
        _role = "verify_audit_app_" + Guid.NewGuid().ToString("N")[..12];
        await RequireCreateRoleAsync();
        await Database.ExecuteAsync($"CREATE ROLE {_role} LOGIN PASSWORD '{Password}'");
        _created = true;
    }

    [TearDown]
    public async Task DropRole()
    {
        if (!_created)
        {
            return;
        }

        _created = false;
        NpgsqlConnection.ClearAllPools();
        await Database.ExecuteAsync($"REVOKE ALL ON TABLE audit_events FROM {_role}");
        await Database.ExecuteAsync($"DROP ROLE IF EXISTS {_role}");
    }

    [Test]
    public async Task TheAppRole_CanAppendAndRead_ButNotUpdateDeleteOrTruncate()
    {
        await Database.Database.ApplyAppendOnlyGrantsAsync(_role);
        var asApp = new NpgsqlConnectionStringBuilder(Database.ConnectionString) { Username = _role, Password = Password }.ConnectionString;
        var appDatabase = AuditDatabase.Create(AuditProvider.Postgres, asApp);

        await new DatabaseAuditSink(appDatabase).AppendAsync(TestEvents.Selected(Clock, 1));
        await new DatabaseAuditSink(appDatabase).AppendAsync(TestEvents.Selected(Clock, 2));
        var head = await new DatabaseAuditChain(appDatabase).GetHeadAsync();
        await using var connection = await Database.OpenConnectionAsync(asApp);

        Assert.Multiple(() =>
        {
            Assert.That(head.Sequence, Is.EqualTo(2));
            foreach (var sql in Forbidden)
            {
                var thrown = Assert.ThrowsAsync<PostgresException>(() => TestDatabase.ExecuteAsync(connection, sql), sql);
                Assert.That(thrown!.SqlState, Is.EqualTo(PostgresErrorCodes.InsufficientPrivilege), sql);
                Assert.That(thrown.MessageText, Does.Contain("permission denied"), sql);
            }
        });
    }

    [Test]
    public async Task Grants_TwiceChangeNothing()
    {
        await Database.Database.ApplyAppendOnlyGrantsAsync(_role);
        await Database.Database.ApplyAppendOnlyGrantsAsync(_role);

        await using var connection = await Database.OpenConnectionAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT string_agg(privilege_type, ',' ORDER BY privilege_type) FROM information_schema.role_table_grants WHERE table_name = 'audit_events' AND grantee = '{_role}'";

        Assert.That(await command.ExecuteScalarAsync(), Is.EqualTo("INSERT,SELECT"));
    }

    private async Task RequireCreateRoleAsync()
    {
        await using var connection = await Database.OpenConnectionAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT rolcreaterole OR rolsuper FROM pg_roles WHERE rolname = current_user";
        if (await command.ExecuteScalarAsync() is not true)
        {
            Assert.Fail($"The test PostgreSQL user '{new NpgsqlConnectionStringBuilder(Database.ConnectionString).Username}' cannot create roles, which this test needs: give it CREATEROLE (tests/infra/postgres.sh: CREATE ROLE verify LOGIN PASSWORD 'verify' CREATEDB CREATEROLE).");
        }
    }
}
