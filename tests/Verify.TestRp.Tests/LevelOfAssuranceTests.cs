using Verify.Saml.Saml;
using Verify.Saml.Samlp;
using Verify.TestRp.Protocol;

namespace Verify.TestRp.Tests;

/// <summary>Which asserted level satisfies which request: the rule table, by explicit rank.</summary>
public sealed class LevelOfAssuranceTests
{
    private static readonly string[] Level2 = [AuthnContexts.Level2];
    private static readonly string[] Level2And3 = [AuthnContexts.Level2, AuthnContexts.Level3];

    public static IEnumerable<TestCaseData> Table()
    {
        yield return Row(AuthnContexts.Level1, Level2, AuthnContextComparison.Minimum, false);
        yield return Row(AuthnContexts.Level2, Level2, AuthnContextComparison.Minimum, true);
        yield return Row(AuthnContexts.Level4, Level2, AuthnContextComparison.Minimum, true);
        yield return Row(AuthnContexts.LevelX, Level2, AuthnContextComparison.Minimum, false);
        yield return Row(AuthnContexts.Level3, Level2, AuthnContextComparison.Exact, false);
        yield return Row(AuthnContexts.Level3, Level2And3, AuthnContextComparison.Exact, true);
        yield return Row(AuthnContexts.Level1, [], AuthnContextComparison.Minimum, true);
        yield return Row(AuthnContexts.LevelX, [], AuthnContextComparison.Minimum, false);
        yield return Row("urn:example:loa:high", [], AuthnContextComparison.Minimum, false);
        yield return Row(null, Level2, AuthnContextComparison.Minimum, false);

        static TestCaseData Row(string? asserted, string[] requested, AuthnContextComparison comparison, bool satisfies) =>
            new TestCaseData(asserted, requested, comparison).Returns(satisfies);
    }

    [TestCaseSource(nameof(Table))]
    public bool Satisfies(string? asserted, string[] requested, AuthnContextComparison comparison) =>
        LevelOfAssurance.Satisfies(asserted, requested, comparison);

    [TestCase(AuthnContexts.Level1, ExpectedResult = "LEVEL_1")]
    [TestCase(AuthnContexts.Level4, ExpectedResult = "LEVEL_4")]
    [TestCase(AuthnContexts.LevelX, ExpectedResult = null)]
    public string? NameOf(string uri) => LevelOfAssurance.NameOf(uri);
}
