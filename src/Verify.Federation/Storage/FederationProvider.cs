namespace Verify.Federation.Storage;

/// <summary>The database the federation store runs on. The same queries run on both.</summary>
public enum FederationProvider
{
    /// <summary>A SQLite file: start-dev and tests.</summary>
    Sqlite = 0,

    /// <summary>PostgreSQL: production.</summary>
    Postgres = 1,
}
