using Verify.Audit.Storage;

namespace Verify.Audit.Tests.Storage;

/// <summary>What <see cref="AuditDatabase"/> checks before it touches a database.</summary>
public sealed class AuditDatabaseArgumentTests
{
    /// <summary>A database that cannot be reached: anything that tried to connect would fail differently.</summary>
    private static readonly AuditDatabase Unopened = AuditDatabase.Create(AuditProvider.Postgres, "Host=unreachable.invalid;Database=verify_audit");

    [TestCase("app\"; DROP TABLE audit_events; --")]
    [TestCase("app role")]
    [TestCase("")]
    [TestCase("1app")]
    public void Grants_ForARoleNameThatIsNotPlain_AreRefusedBeforeAnyConnection(string role)
    {
        Assert.ThrowsAsync<ArgumentException>(() => Unopened.ApplyAppendOnlyGrantsAsync(role));
    }

    [TestCase("sqlite", AuditProvider.Sqlite)]
    [TestCase("PostgreSQL", AuditProvider.Postgres)]
    [TestCase(" postgres ", AuditProvider.Postgres)]
    public void Providers_AreReadByName(string name, AuditProvider expected)
    {
        Assert.Multiple(() =>
        {
            Assert.That(AuditDatabase.TryParseProvider(name, out var parsed), Is.True);
            Assert.That(parsed, Is.EqualTo(expected));
            Assert.That(AuditDatabase.TryParseProvider("mysql", out _), Is.False);
        });
    }
}
