using Verify.Matching.Normalisation;

namespace Verify.Matching.Tests.Normalisation;

public sealed class AddressNormaliserTests
{
    [TestCase("14, High St.", "14 high street")]
    [TestCase("Flat 2b, 7 Station Rd", "flat 2b 7 station road")]
    [TestCase("Apt 4 Queens Ave", "flat 4 queens avenue")]
    [TestCase("St. Mary's Cres", "street marys crescent")]
    public void Line_FoldsAndSpellsOutAbbreviations(string line, string expected)
    {
        Assert.That(AddressNormaliser.Line(line), Is.EqualTo(expected));
    }

    [TestCase(new[] { "14 High Street", "Leeds" }, "#14")]
    [TestCase(new[] { "14, HIGH ST", "LEEDS" }, "#14")]
    [TestCase(new[] { "Flat 2", "14 High Street" }, "#2 14")]
    [TestCase(new[] { "Flat 2, 14 High Street" }, "#2 14")]
    [TestCase(new[] { "Rose Cottage", "Mill Lane" }, "rosecottage")]
    [TestCase(new[] { "ROSE-COTTAGE", "Mill Ln" }, "rosecottage")]
    [TestCase(new string[0], "")]
    public void PremisesKey_IsTheNumbersOrElseTheHouseName(string[] lines, string expected)
    {
        Assert.That(AddressNormaliser.PremisesKey(lines), Is.EqualTo(expected));
    }
}
