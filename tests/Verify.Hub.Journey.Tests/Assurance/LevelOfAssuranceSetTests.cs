using Verify.Hub.Journey.Assurance;

namespace Verify.Hub.Journey.Tests.Assurance;

/// <summary>Sets of levels: membership (Verify's rule), lowest level, intersection.</summary>
public sealed class LevelOfAssuranceSetTests
{
    private static readonly LevelOfAssurance L1 = LevelOfAssurance.Level1;
    private static readonly LevelOfAssurance L2 = LevelOfAssurance.Level2;
    private static readonly LevelOfAssurance L3 = LevelOfAssurance.Level3;
    private static readonly string[] OneTwoThree = ["LEVEL_1", "LEVEL_2", "LEVEL_3"];

    [Test]
    public void Set_IsMembershipNotAtLeast()
    {
        var accepted = LevelOfAssuranceSet.Of(L2);

        Assert.That(accepted.Contains(L2), Is.True);
        Assert.That(accepted.Contains(L3), Is.False, "LEVEL_3 is not accepted by an RP that lists only LEVEL_2");
        Assert.That(accepted.Contains(L1), Is.False);
    }

    [Test]
    public void Set_OrdersByRankAndDropsDuplicates()
    {
        var set = LevelOfAssuranceSet.Of(L3, L1, L3, L2);

        Assert.That(set.Select(l => l.Name), Is.EqualTo(OneTwoThree));
        Assert.That(set.Lowest, Is.SameAs(L1));
        Assert.That(set, Is.EqualTo(LevelOfAssuranceSet.Of(L1, L2, L3)));
    }

    [Test]
    public void Intersect_IsNullWhenNothingInCommon()
    {
        Assert.That(LevelOfAssuranceSet.Of(L1).Intersect(LevelOfAssuranceSet.Of(L2, L3)), Is.Null);
        Assert.That(LevelOfAssuranceSet.Of(L1, L2).Intersect(LevelOfAssuranceSet.Of(L2, L3)), Is.EqualTo(LevelOfAssuranceSet.Of(L2)));
    }

    [Test]
    public void EmptySet_IsRefused()
    {
        Assert.Throws<ArgumentException>(() => _ = new LevelOfAssuranceSet([]));
    }
}
