using Verify.Federation.Storage;

namespace Verify.Federation.Tests.Support;

/// <summary>The providers every store suite runs against (STYLE.md: one abstract suite, every implementation).</summary>
public static class Providers
{
    public static IEnumerable<TestFixtureData> All { get; } =
    [
        new TestFixtureData(FederationProvider.Sqlite).SetArgDisplayNames("Sqlite"),
        new TestFixtureData(FederationProvider.Postgres).SetArgDisplayNames("Postgres"),
    ];
}
