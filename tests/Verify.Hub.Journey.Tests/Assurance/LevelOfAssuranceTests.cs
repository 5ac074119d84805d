using System.Reflection;

using Verify.Hub.Journey.Assurance;

namespace Verify.Hub.Journey.Tests.Assurance;

/// <summary>Levels have explicit ranks; LEVEL_X is not a level (ARCHITECTURE.md "Levels of assurance").</summary>
public sealed class LevelOfAssuranceTests
{
    private static readonly int[] Ranks = [1, 2, 3, 4];
    private static readonly string[] Names = ["LEVEL_1", "LEVEL_2", "LEVEL_3", "LEVEL_4"];

    [TestCase("LEVEL_1", 1, AuthnContextUris.Level1)]
    [TestCase("LEVEL_2", 2, AuthnContextUris.Level2)]
    [TestCase("LEVEL_3", 3, AuthnContextUris.Level3)]
    [TestCase("LEVEL_4", 4, AuthnContextUris.Level4)]
    public void Level_HasItsNameExplicitRankAndAuthnContext(string name, int rank, string uri)
    {
        var byName = LevelOfAssurance.FromName(name);
        var byUri = LevelOfAssurance.FromAuthnContext(uri);

        Assert.That(byName, Is.SameAs(byUri));
        Assert.That((byName.Name, byName.Rank, byName.AuthnContext), Is.EqualTo((name, rank, uri)));
    }

    [Test]
    public void AuthnContextUris_AreVerifysVocabulary()
    {
        Assert.That(AuthnContextUris.Level2, Is.EqualTo("urn:uk:gov:cabinet-office:tc:saml:authn-context:level2"));
        Assert.That(AuthnContextUris.LevelX, Is.EqualTo("urn:uk:gov:cabinet-office:tc:saml:authn-context:levelX"));
    }

    [Test]
    public void Comparison_UsesRanksNotDeclarationOrder()
    {
        LevelOfAssurance[] shuffled = [LevelOfAssurance.Level3, LevelOfAssurance.Level1, LevelOfAssurance.Level4, LevelOfAssurance.Level2];

        var sorted = shuffled.Order().Select(l => l.Rank);

        Assert.That(sorted, Is.EqualTo(Ranks));
        Assert.That(LevelOfAssurance.Level1 < LevelOfAssurance.Level2, Is.True);
        Assert.That(LevelOfAssurance.Level4 >= LevelOfAssurance.Level3, Is.True);
        var two = LevelOfAssurance.FromName("LEVEL_2");
        Assert.That(two > LevelOfAssurance.Level2, Is.False);
        Assert.That(two <= LevelOfAssurance.Level2, Is.True);
    }

    [Test]
    public void LevelX_CannotBeParsedAsALevel()
    {
        Assert.Throws<LevelXIsNotALevelException>(() => LevelOfAssurance.FromAuthnContext(AuthnContextUris.LevelX));
        Assert.Throws<LevelXIsNotALevelException>(() => LevelOfAssurance.FromName("LEVEL_X"));
        Assert.That(LevelOfAssurance.TryFromAuthnContext(AuthnContextUris.LevelX, out _), Is.False);
    }

    [Test]
    public void LevelX_HasNoMemberAndNoNumericBackdoor()
    {
        var members = typeof(LevelOfAssurance).GetMembers(BindingFlags.Public | BindingFlags.Static).Select(m => m.Name);
        var conversions = typeof(LevelOfAssurance).GetMethods().Where(m => m.Name is "op_Implicit" or "op_Explicit");

        Assert.That(members, Has.None.Contains("X"));
        Assert.That(conversions, Is.Empty);
        Assert.That(LevelOfAssurance.All.Select(l => l.Name), Is.EqualTo(Names));
        Assert.That(typeof(LevelOfAssurance).IsValueType, Is.False, "a struct would have a rank-0 default");
    }

    [TestCase("urn:uk:gov:cabinet-office:tc:saml:authn-context:LEVEL2")]
    [TestCase("urn:uk:gov:cabinet-office:tc:saml:authn-context:level5")]
    [TestCase(" urn:uk:gov:cabinet-office:tc:saml:authn-context:level2")]
    [TestCase("")]
    public void UnknownAuthnContext_IsRefused(string uri)
    {
        Assert.Throws<FormatException>(() => LevelOfAssurance.FromAuthnContext(uri));
    }

    [TestCase("level_2")]
    [TestCase("LEVEL_0")]
    [TestCase("2")]
    public void UnknownName_IsRefused(string name)
    {
        Assert.Throws<FormatException>(() => LevelOfAssurance.FromName(name));
    }
}
