using Verify.Matching.Normalisation;
using Verify.Matching.Records;

namespace Verify.Matching.Tests.Normalisation;

public sealed class IdentifierNormaliserTests
{
    [TestCase("AB123456C", "AB123456")]
    [TestCase("ab 12 34 56 c", "AB123456")]
    [TestCase("AB-12-34-56-C", "AB123456")]
    [TestCase("AB123456", "AB123456", TestName = "Nino_WithoutSuffix_IsTheSameNumber")]
    [TestCase("QQ123456C", null, TestName = "Nino_WithInvalidFirstLetter_IsRefused")]
    [TestCase("AO123456C", null, TestName = "Nino_WithSecondLetterO_IsRefused")]
    [TestCase("GB123456A", null, TestName = "Nino_WithBannedPrefix_IsRefused")]
    [TestCase("AB12345C", null)]
    [TestCase("AB123456E", null)]
    [TestCase("", null)]
    public void Nino_IsUpperCasedCompactedAndLosesItsSuffix(string value, string? expected)
    {
        Assert.That(IdentifierNormaliser.Normalise(IdentifierTypes.NationalInsuranceNumber, value), Is.EqualTo(expected));
    }

    [TestCase("SMITH810030RJ9AB", "SMITH810030RJ9AB")]
    [TestCase("smith 810030 rj9ab", "SMITH810030RJ9AB")]
    [TestCase("SMITH810030RJ9AB01", "SMITH810030RJ9AB", TestName = "DrivingLicence_DropsTheIssueNumber")]
    [TestCase("LI999710030R99AB", "LI999710030R99AB", TestName = "DrivingLicence_AcceptsNinePadding")]
    [TestCase("SMITH810030RJ9A", null)]
    [TestCase("12345810030RJ9AB", null)]
    public void DrivingLicence_IsUpperCasedAndCompacted(string value, string? expected)
    {
        Assert.That(IdentifierNormaliser.Normalise(IdentifierTypes.DrivingLicenceNumber, value), Is.EqualTo(expected));
    }

    [Test]
    public void OtherTypes_AreUpperCasedWithoutSpacesOrHyphens()
    {
        Assert.That(IdentifierNormaliser.Normalise("SaUniqueTaxpayerReference", "12345 67890"), Is.EqualTo("1234567890"));
    }
}
