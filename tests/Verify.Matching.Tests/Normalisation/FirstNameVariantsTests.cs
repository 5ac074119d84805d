using Verify.Matching.Normalisation;

namespace Verify.Matching.Tests.Normalisation;

public sealed class FirstNameVariantsTests
{
    [TestCase("bob", "robert")]
    [TestCase("robert", "bob")]
    [TestCase("bobby", "rob")]
    [TestCase("bill", "william")]
    [TestCase("liz", "elizabeth")]
    [TestCase("peggy", "margaret")]
    [TestCase("kate", "catherine")]
    [TestCase("catherine", "katherine")]
    [TestCase("alex", "alexandra")]
    [TestCase("alex", "alexander")]
    [TestCase("robert", "robert")]
    public void AreCompatible_TrueForAVariantOfTheSameFormalName(string a, string b)
    {
        Assert.That(FirstNameVariants.AreCompatible(a, b), Is.True);
    }

    [TestCase("alexander", "alexandra", TestName = "AreCompatible_FalseForTwoFormalNamesSharingAShortForm")]
    [TestCase("samuel", "samantha")]
    [TestCase("john", "jonathan")]
    [TestCase("robert", "william")]
    [TestCase("john", "joan")]
    [TestCase("", "")]
    public void AreCompatible_FalseForDifferentPeople(string a, string b)
    {
        Assert.That(FirstNameVariants.AreCompatible(a, b), Is.False);
    }

    [Test]
    public void Table_IsNormalised_SoLookupsFindEveryEntry()
    {
        var names = FirstNameVariants.Table.Keys.Concat(FirstNameVariants.Table.Values.SelectMany(v => v));

        Assert.That(names.Where(n => NameNormaliser.FirstName(n) != n), Is.Empty);
    }
}
