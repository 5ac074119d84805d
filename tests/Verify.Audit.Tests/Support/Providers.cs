using Verify.Audit.Storage;

namespace Verify.Audit.Tests.Support;

/// <summary>The providers every store suite runs against (STYLE.md: one abstract suite, every implementation).</summary>
public static class Providers
{
    public static IEnumerable<TestFixtureData> All { get; } =
    [
        new TestFixtureData(AuditProvider.Sqlite).SetArgDisplayNames("Sqlite"),
        new TestFixtureData(AuditProvider.Postgres).SetArgDisplayNames("Postgres"),
    ];
}
