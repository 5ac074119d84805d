namespace Verify.OidcProvider.Storage;

/// <summary>The database the OpenID Provider store runs on.</summary>
public enum OidcProviderStoreKind
{
    /// <summary>A SQLite file: start-dev and tests.</summary>
    Sqlite = 0,

    /// <summary>PostgreSQL: production (shared by every hub node).</summary>
    Postgres = 1,
}
