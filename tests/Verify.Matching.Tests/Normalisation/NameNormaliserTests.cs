using Verify.Matching.Normalisation;

namespace Verify.Matching.Tests.Normalisation;

public sealed class NameNormaliserTests
{
    private static readonly string[] SmithJonesForms = ["smithjones", "smith", "jones"];

    [TestCase("Robert", "robert")]
    [TestCase("  ROBERT ", "robert")]
    [TestCase("Zoë", "zoe")]
    [TestCase("Zoe\u0308", "zoe", TestName = "FirstName_DropsCombiningMarksOfDecomposedInput")]
    [TestCase("José", "jose")]
    [TestCase("Siân", "sian")]
    [TestCase("Mary-Ann", "maryann")]
    [TestCase("Mary Ann", "maryann")]
    [TestCase("Dr Robert", "robert")]
    [TestCase("Mr. John", "john")]
    [TestCase("Sir Patrick", "patrick")]
    [TestCase("Mrs Dr Jane", "jane")]
    [TestCase("Dr", "dr", TestName = "FirstName_KeepsATitleThatIsTheWholeName")]
    [TestCase("Małgorzata", "malgorzata")]
    [TestCase("Søren", "soren")]
    [TestCase("Jürgen", "jurgen")]
    [TestCase("D’Arcy", "darcy")]
    [TestCase("", "")]
    [TestCase("---", "")]
    public void FirstName_NormalisesCaseAccentsTitlesAndSeparators(string value, string expected)
    {
        Assert.That(NameNormaliser.FirstName(value), Is.EqualTo(expected));
    }

    [TestCase("Smith", "smith")]
    [TestCase("Smith-Jones", "smithjones")]
    [TestCase("Smith Jones", "smithjones")]
    [TestCase("SMITH - JONES", "smithjones")]
    [TestCase("O'Brien", "obrien")]
    [TestCase("O’Brien", "obrien")]
    [TestCase("O Brien", "obrien")]
    [TestCase("Ó Súilleabháin", "osuilleabhain")]
    [TestCase("Núñez", "nunez")]
    [TestCase("Wiśniewski", "wisniewski")]
    [TestCase("Øvergaard", "overgaard")]
    [TestCase("Straße", "strasse")]
    [TestCase("Smith Jr", "smith")]
    [TestCase("Smith III", "smith")]
    [TestCase("St. John", "stjohn")]
    public void Surname_NormalisesCaseAccentsApostrophesHyphensAndSuffixes(string value, string expected)
    {
        Assert.That(NameNormaliser.Surname(value), Is.EqualTo(expected));
    }

    [TestCase("Smith-Jones", new[] { "smith", "jones" })]
    [TestCase("Lloyd Webber", new[] { "lloyd", "webber" })]
    [TestCase("van der Berg", new[] { "berg" })]
    [TestCase("Le Roux", new[] { "roux" })]
    [TestCase("Smith", new string[0])]
    [TestCase("O'Brien", new string[0])]
    public void SurnameParts_AreTheWordsOfAMultiWordSurnameWithoutParticles(string value, string[] expected)
    {
        Assert.That(NameNormaliser.SurnameParts(value), Is.EqualTo(expected));
    }

    [Test]
    public void SurnameForms_AreTheWholeSurnameThenItsParts()
    {
        Assert.That(NameNormaliser.SurnameForms("Smith-Jones"), Is.EqualTo(SmithJonesForms));
    }
}
