namespace Verify.Matching.Storage;

/// <summary>The database a records store runs on. The same queries run on both.</summary>
public enum MatchingProvider
{
    /// <summary>A SQLite file: start-dev and tests.</summary>
    Sqlite = 0,

    /// <summary>PostgreSQL: production.</summary>
    Postgres = 1,
}
