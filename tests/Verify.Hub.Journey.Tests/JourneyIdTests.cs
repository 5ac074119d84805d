namespace Verify.Hub.Journey.Tests;

/// <summary>Journey IDs: 128 random bits, a bearer secret, parsed strictly.</summary>
public sealed class JourneyIdTests
{
    [Test]
    public void New_Is22Base64UrlCharactersAndUnique()
    {
        var ids = Enumerable.Range(0, 1000).Select(_ => JourneyId.New()).ToList();

        Assert.That(ids.Select(i => i.Value), Is.Unique);
        Assert.That(ids.Select(i => i.Value), Has.All.Match("^[A-Za-z0-9_-]{22}$"));
    }

    [Test]
    public void Parse_RoundTrips()
    {
        var id = JourneyId.New();

        Assert.That(JourneyId.Parse(id.Value), Is.EqualTo(id));
    }

    [TestCase(null)]
    [TestCase("")]
    [TestCase("short")]
    [TestCase("AAAAAAAAAAAAAAAAAAAAAAA")]
    [TestCase("AAAAAAAAAAAAAAAAAAAA+A")]
    [TestCase("AAAAAAAAAAAAAAAAAAAA==")]
    [TestCase("AAAAAAAAAAAAAAAAAAAAAB")]
    public void TryParse_RefusesAnythingElse(string? value)
    {
        Assert.That(JourneyId.TryParse(value, out _), Is.False);
    }

    [Test]
    public void ToString_DoesNotShowTheWholeId()
    {
        var id = JourneyId.New();

        Assert.That(id.ToString(), Does.Not.Contain(id.Value));
    }
}
