using Verify.Matching.Storage;

namespace Verify.Matching.Tests.Support;

/// <summary>The providers every store suite runs against (STYLE.md: one abstract suite, every implementation).</summary>
public static class Providers
{
    public static IEnumerable<TestFixtureData> All { get; } =
    [
        new TestFixtureData(MatchingProvider.Sqlite).SetArgDisplayNames("Sqlite"),
        new TestFixtureData(MatchingProvider.Postgres).SetArgDisplayNames("Postgres"),
    ];
}
