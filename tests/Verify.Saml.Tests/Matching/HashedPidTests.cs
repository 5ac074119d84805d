using Verify.Saml.Saml;

namespace Verify.Saml.Tests.Matching;

/// <summary>Verify's hashed PID (VERIFY-REFERENCE.md), against values computed independently (Python's hashlib).</summary>
public sealed class HashedPidTests
{
    [TestCase("pid-123", "LEVEL_2", "264642821afcee7009e54c192bce75ae7cf35444a4821ca622123d74e5feb609")]
    [TestCase("pid-123", "LEVEL_1", "963095f55945741593aede1c8888b994537e5c459190041218b4412d3b7e64d0")]
    [TestCase("pïd-é", "LEVEL_2", "330cf9feda87f2be8e3809f7b4203988e535b42d10b91f4cafb11f879a9ba066")]
    public void Compute_IsSha256OfTheConcatenation_WithTheLevelAppendedUnlessLevel2(string pid, string level, string expected)
    {
        Assert.That(HashedPid.Compute("https://idp.example/one", "https://ms.example/msa", pid, level), Is.EqualTo(expected));
    }

    [TestCase("LEVEL_X")]
    [TestCase("level2")]
    [TestCase("")]
    public void Compute_RefusesWhatIsNotALevel(string level)
    {
        Assert.Throws<ArgumentException>(() => HashedPid.Compute("https://idp.example/one", "https://ms.example/msa", "pid", level));
    }

    [Test]
    public void Levels_AreComparedByRank_AndLevelXIsNone()
    {
        Assert.Multiple(() =>
        {
            Assert.That(AssuranceLevels.Satisfies(AssuranceLevels.Level3, AssuranceLevels.Level2), Is.True);
            Assert.That(AssuranceLevels.Satisfies(AssuranceLevels.Level1, AssuranceLevels.Level2), Is.False);
            Assert.That(AssuranceLevels.TryFromAuthnContext(AuthnContexts.LevelX, out _), Is.False);
            Assert.That(AssuranceLevels.TryFromAuthnContext(AuthnContexts.Level4, out var level) ? level : null, Is.EqualTo(AssuranceLevels.Level4));
        });
    }
}
