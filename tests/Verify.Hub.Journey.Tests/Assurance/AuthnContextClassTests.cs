using Verify.Hub.Journey.Assurance;

namespace Verify.Hub.Journey.Tests.Assurance;

/// <summary>What an IDP reports: a level, or the fraud marker, which never gives up a level.</summary>
public sealed class AuthnContextClassTests
{
    [Test]
    public void LevelX_IsTheFraudMarkerAndHasNoLevel()
    {
        var reported = AuthnContextClass.Parse(AuthnContextUris.LevelX);

        Assert.That(reported.IsFraudMarker, Is.True);
        Assert.That(reported, Is.SameAs(AuthnContextClass.FraudMarker));
        Assert.Throws<LevelXIsNotALevelException>(() => _ = reported.Level);
    }

    [Test]
    public void Level2_IsALevel()
    {
        var reported = AuthnContextClass.Parse(AuthnContextUris.Level2);

        Assert.That(reported.IsFraudMarker, Is.False);
        Assert.That(reported.Level, Is.SameAs(LevelOfAssurance.Level2));
        Assert.That(AuthnContextClass.Of(LevelOfAssurance.Level2).Uri, Is.EqualTo(AuthnContextUris.Level2));
    }

    [Test]
    public void UnknownUri_IsRefused()
    {
        Assert.Throws<FormatException>(() => AuthnContextClass.Parse("urn:oasis:names:tc:SAML:2.0:ac:classes:Password"));
    }

    [Test]
    public void LevelX_SatisfiesNoSetOfLevels()
    {
        // There is no LevelOfAssurance for LEVEL_X to put in a set or to test for membership: the only way to ask
        // is through the reported class, which refuses.
        var everyLevel = new LevelOfAssuranceSet(LevelOfAssurance.All);

        Assert.Throws<LevelXIsNotALevelException>(() => everyLevel.Contains(AuthnContextClass.FraudMarker.Level));
    }
}
