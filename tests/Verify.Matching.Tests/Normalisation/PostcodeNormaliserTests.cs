using Verify.Matching.Normalisation;

namespace Verify.Matching.Tests.Normalisation;

public sealed class PostcodeNormaliserTests
{
    [TestCase("SW1A 1AA", "SW1A1AA")]
    [TestCase("sw1a1aa", "SW1A1AA")]
    [TestCase(" SW1A   1AA ", "SW1A1AA")]
    [TestCase("ls1\t4ab", "LS14AB")]
    [TestCase(null, "")]
    public void Normalise_UpperCasesAndRemovesWhitespace(string? value, string expected)
    {
        Assert.That(PostcodeNormaliser.Normalise(value), Is.EqualTo(expected));
    }

    [TestCase("SW1A 1AA", true)]
    [TestCase("M1 1AE", true)]
    [TestCase("B33 8TH", true)]
    [TestCase("CR2 6XH", true)]
    [TestCase("DN55 1PT", true)]
    [TestCase("EC1A 1BB", true)]
    [TestCase("GIR 0AA", true)]
    [TestCase("12345", false)]
    [TestCase("SW1A", false)]
    [TestCase("SW1A 1A", false)]
    [TestCase("", false)]
    public void IsValid_AcceptsTheUkPostcodeShapes(string value, bool expected)
    {
        Assert.That(PostcodeNormaliser.IsValid(value), Is.EqualTo(expected));
    }

    [TestCase("sw1a1aa", "SW1A 1AA")]
    [TestCase("m11ae", "M1 1AE")]
    public void Format_PutsOneSpaceBeforeTheInwardCode(string value, string expected)
    {
        Assert.That(PostcodeNormaliser.Format(value), Is.EqualTo(expected));
    }
}
