namespace Verify.Audit.Storage;

/// <summary>The database the audit trail runs on. The same code runs on both (ARCHITECTURE.md: storage).</summary>
public enum AuditProvider
{
    /// <summary>A SQLite file: start-dev and tests.</summary>
    Sqlite = 0,

    /// <summary>PostgreSQL: production.</summary>
    Postgres = 1,
}
