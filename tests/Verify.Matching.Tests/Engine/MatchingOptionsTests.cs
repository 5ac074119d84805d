using Verify.Matching.Engine;

namespace Verify.Matching.Tests.Engine;

public sealed class MatchingOptionsTests
{
    [Test]
    public void Defaults_AreValid_WithThreeAttemptsAndNinoAndDrivingLicence()
    {
        var options = new MatchingOptions();

        Assert.Multiple(() =>
        {
            Assert.That(options.Validate, Throws.Nothing);
            Assert.That(options.MaxCycle3Attempts, Is.EqualTo(3));
            Assert.That(options.IdentifierTypes, Is.EquivalentTo(Records.IdentifierTypes.Defaults));
        });
    }

    private static IEnumerable<TestCaseData> Unusable()
    {
        yield return new TestCaseData(new MatchingOptions { IdentifierTypes = [] }).SetArgDisplayNames("no identifier types");
        yield return new TestCaseData(new MatchingOptions { IdentifierTypes = ["Bad|Name"] }).SetArgDisplayNames("separator in a type");
        yield return new TestCaseData(new MatchingOptions { MaxCycle3Attempts = 0 }).SetArgDisplayNames("no attempts");
        yield return new TestCaseData(new MatchingOptions { Cycle3AttemptWindow = TimeSpan.Zero }).SetArgDisplayNames("no window");
    }

    [TestCaseSource(nameof(Unusable))]
    public void UnusableSetting_IsRefusedAtStartUp(MatchingOptions options)
    {
        Assert.That(options.Validate, Throws.InvalidOperationException);
    }
}
